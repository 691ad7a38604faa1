package dev.authjvm.client;

/**
 * A sign-in provider as {@code GET /providers} lists it.
 *
 * @param id          what {@link AuthClient#signIn} takes, e.g. {@code credentials}, {@code github}
 * @param name        the label of its sign-in button
 * @param type        {@code credentials}, {@code email}, {@code oauth}, {@code oidc} (or {@code webauthn})
 * @param signinUrl   absolute URL of its sign-in endpoint
 * @param callbackUrl absolute URL of its callback endpoint
 */
public record ClientProvider(String id, String name, String type, String signinUrl, String callbackUrl) {}
