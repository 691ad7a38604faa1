package dev.authjvm.core.provider;

/**
 * One input of a credentials form on the built-in sign-in page.
 *
 * @param type the HTML input type, e.g. {@code text} or {@code password}
 */
public record CredentialField(String name, String label, String type, String placeholder) {}
