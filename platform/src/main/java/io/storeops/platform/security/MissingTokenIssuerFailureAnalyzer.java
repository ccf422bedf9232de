package io.storeops.platform.security;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** Says what to configure when a service starts without any way to validate staff tokens. */
public class MissingTokenIssuerFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
        if (cause.getBeanType() != ReactiveJwtDecoder.class) {
            return null;
        }
        return new FailureAnalysis(
                "The staff APIs need a way to validate bearer tokens, and none is configured.",
                "Set SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI to your identity provider's issuer "
                        + "(or SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI). For local development only, "
                        + "STOREOPS_SECURITY_DEV_TOKEN_SECRET (base64, at least 32 bytes) accepts StoreOps dev tokens; "
                        + "the standalone launcher sets it for you.",
                cause);
    }
}
