package dev.jcodex.modelclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyManagementException;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

class DeferredTlsContextTest {

    /** What the JDK HTTP client does to each engine: client mode, then its parameters plus SNI and HTTPS checks. */
    private static SSLParameters configureLikeHttpClient(SSLContext context, SSLParameters clientParameters) {
        SSLEngine engine = context.createSSLEngine("api.example.com", 443);
        engine.setUseClientMode(true);
        clientParameters.setEndpointIdentificationAlgorithm("HTTPS");
        clientParameters.setServerNames(List.of(new SNIHostName("api.example.com")));
        engine.setSSLParameters(clientParameters);
        return engine.getSSLParameters();
    }

    @Test
    void enginesEndUpConfiguredExactlyAsWithTheDefaultContextAndItsDefaultParameters() throws Exception {
        SSLContext jdkDefault = SSLContext.getDefault();
        SSLParameters expected = configureLikeHttpClient(jdkDefault, jdkDefault.getDefaultSSLParameters());
        SSLParameters actual = configureLikeHttpClient(new DeferredTlsContext(), DeferredTlsContext.parameters());

        assertThat(actual.getProtocols()).containsExactly(expected.getProtocols());
        assertThat(actual.getCipherSuites()).containsExactly(expected.getCipherSuites());
        assertThat(actual.getNamedGroups()).containsExactly(expected.getNamedGroups());
        assertThat(actual.getSignatureSchemes()).isEqualTo(expected.getSignatureSchemes());
        assertThat(actual.getApplicationProtocols()).containsExactly(expected.getApplicationProtocols());
        assertThat(actual.getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
        assertThat(actual.getServerNames()).isEqualTo(expected.getServerNames());
        // The one difference: 0 ("engine default") instead of the engine's 16709. JSSE reads it only to size a
        // max_fragment_length request, and neither value makes the client send one.
        assertThat(actual.getMaximumPacketSize()).isZero();
        assertThat(actual.getNeedClientAuth()).isEqualTo(expected.getNeedClientAuth());
        assertThat(actual.getWantClientAuth()).isEqualTo(expected.getWantClientAuth());
        assertThat(actual.getAlgorithmConstraints()).isNotNull();
    }

    @Test
    void everythingElseComesFromTheDefaultContext() throws Exception {
        SSLContext jdkDefault = SSLContext.getDefault();
        DeferredTlsContext deferred = new DeferredTlsContext();
        assertThat(deferred.getDefaultSSLParameters().getProtocols())
                .containsExactly(jdkDefault.getDefaultSSLParameters().getProtocols());
        assertThat(deferred.getSupportedSSLParameters().getCipherSuites())
                .containsExactly(jdkDefault.getSupportedSSLParameters().getCipherSuites());
        assertThat(deferred.getClientSessionContext()).isSameAs(jdkDefault.getClientSessionContext());
        assertThat(deferred.createSSLEngine().getEnabledProtocols())
                .containsExactly(jdkDefault.createSSLEngine().getEnabledProtocols());
    }

    @Test
    void itCannotBeReinitialisedLikeTheDefaultContext() {
        assertThatThrownBy(() -> new DeferredTlsContext().init(null, null, null))
                .isInstanceOf(KeyManagementException.class);
    }

    @Test
    void theModelHttpClientUsesIt() {
        assertThat(ModelClient.newHttpClient().sslContext()).isInstanceOf(DeferredTlsContext.class);
    }
}
