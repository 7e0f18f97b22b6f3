package dev.jcodex.modelclient;

import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The JDK's default {@link SSLContext} ({@link SSLContext#getDefault()}: default trust store, key managers and
 * protocols), initialised on first use instead of when the HTTP client is built. Initialising it parses the
 * whole CA trust store (about 150 certificates, tens of milliseconds of CPU before the first request), which a
 * plain-{@code http} provider such as a local model server never needs.
 *
 * <p>The HTTP client must be given explicit {@link #parameters()}: asking this context for its default parameters
 * would initialise it. The empty parameters leave every engine setting at the default context's own defaults
 * (null members mean "unchanged"), which is what the default parameters would set; the maximum packet size reads
 * 0 ("engine default") instead of 16709, which JSSE only uses to size a max_fragment_length request that neither
 * value makes it send.
 */
final class DeferredTlsContext extends SSLContext {

    DeferredTlsContext() {
        super(new Spi(), null, "Default");
    }

    /** Parameters for {@code HttpClient.Builder.sslParameters} that keep the default context's defaults. */
    static SSLParameters parameters() {
        return new SSLParameters();
    }

    /** Starts initialising the default context on a background thread (e.g. once an https endpoint is known). */
    static void prewarm() {
        Thread.ofVirtual().name("tls-prewarm").start(Spi::delegate);
    }

    private static final class Spi extends SSLContextSpi {

        static SSLContext delegate() {
            try {
                return SSLContext.getDefault();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("no default TLS context: " + e.getMessage(), e);
            }
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw new KeyManagementException("the default TLS context is initialised automatically");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return delegate().getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return delegate().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return delegate().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return delegate().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return delegate().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return delegate().getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return delegate().getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return delegate().getSupportedSSLParameters();
        }
    }
}
