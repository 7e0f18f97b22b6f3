package dev.jcodex.modelclient;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code codex login} family as in-process commands returning exit codes. As in the reference, messages
 * go to stderr ({@code err}); only the device-code instructions go to stdout ({@code out}).
 */
public final class LoginCommands {
    private LoginCommands() {}

    /**
     * {@code codex login --with-api-key}: prints "Reading API key from stdin...", reads the key from
     * {@code stdin}, stores it in auth.json and prints "Successfully logged in" (exit 0); exit 1 on failure.
     */
    public static int loginWithApiKey(InputStream stdin, PrintStream out, PrintStream err, Path codexHome) {
        err.println("Reading API key from stdin...");
        String key;
        try {
            key = new String(stdin.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            err.println("Failed to read API key from stdin: " + e.getMessage());
            return 1;
        }
        if (key.isEmpty()) {
            err.println("No API key provided via stdin.");
            return 1;
        }
        try {
            new AuthStore(codexHome).save(AuthDotJson.apiKey(key));
        } catch (ModelClientException e) {
            err.println("Error logging in: " + e.getMessage());
            return 1;
        }
        err.println("Successfully logged in");
        return 0;
    }

    /**
     * {@code codex login status}: "Logged in using an API key - sk-proj-***ABCDE" or "Logged in using ChatGPT"
     * (exit 0), "Not logged in" (exit 1).
     */
    public static int status(PrintStream out, PrintStream err, Path codexHome) {
        Optional<AuthDotJson> auth;
        try {
            auth = new AuthStore(codexHome).load();
        } catch (ModelClientException e) {
            err.println("Error checking login status: " + e.getMessage());
            return 1;
        }
        if (auth.isEmpty() || (auth.get().openaiApiKey() == null && auth.get().tokens() == null)) {
            err.println("Not logged in");
            return 1;
        }
        AuthDotJson a = auth.get();
        if (a.effectiveMode() == AuthMode.API_KEY && a.openaiApiKey() != null) {
            err.println("Logged in using an API key - " + maskKey(a.openaiApiKey()));
        } else {
            err.println("Logged in using ChatGPT");
        }
        return 0;
    }

    /** {@code codex logout}: "Successfully logged out" or "Not logged in" (both exit 0); exit 1 on error. */
    public static int logout(PrintStream out, PrintStream err, Path codexHome) {
        try {
            err.println(new AuthStore(codexHome).delete() ? "Successfully logged out" : "Not logged in");
            return 0;
        } catch (ModelClientException e) {
            err.println("Error logging out: " + e.getMessage());
            return 1;
        }
    }

    /**
     * {@code codex login --device-auth}: shows the verification URL and one-time code on {@code out}, waits for
     * approval, stores the tokens and prints "Successfully logged in" (exit 0); "Error logging in: …" (exit 1).
     */
    public static int loginWithDeviceCode(PrintStream out, PrintStream err, Path codexHome,
                                          DeviceCodeLogin.Options options, HttpClient http) {
        DeviceCodeLogin login = new DeviceCodeLogin(http, options);
        try {
            DeviceCodeLogin.DeviceCode code = login.requestCode();
            out.println();
            out.println("Follow these steps to sign in with ChatGPT using device code authorization:");
            out.println();
            out.println("1. Open this link in your browser and sign in to your account");
            out.println("   " + code.verificationUrl());
            out.println();
            out.println("2. Enter this one-time code (expires in 15 minutes)");
            out.println("   " + code.userCode());
            out.println();
            out.println("Device codes are a common phishing target. Never share this code.");
            out.println();
            out.flush();
            login.complete(code, new AuthStore(codexHome));
        } catch (ModelClientException e) {
            err.println("Error logging in: " + e.getMessage());
            return 1;
        }
        err.println("Successfully logged in");
        return 0;
    }

    /** {@code sk-proj-***ABCDE}: first 8 and last 5 characters; keys of 13 characters or fewer become {@code ***}. */
    public static String maskKey(String key) {
        if (key.length() <= 13) {
            return "***";
        }
        return key.substring(0, 8) + "***" + key.substring(key.length() - 5);
    }
}
