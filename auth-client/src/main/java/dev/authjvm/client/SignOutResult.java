package dev.authjvm.client;

/**
 * The outcome of {@link AuthClient#signOut}, as the official client's {@code signOut({redirect: false})}.
 *
 * @param url where the server sends the user next (the callback URL, or the identity provider's
 *            end-session page when the server signs out there too)
 */
public record SignOutResult(String url) {}
