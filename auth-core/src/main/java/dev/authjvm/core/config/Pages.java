package dev.authjvm.core.config;

/**
 * Your own pages in place of the built-in ones; each is a path ({@code /login}) or an absolute URL,
 * or {@code null} for the built-in page.
 *
 * @param newUser where a user created by this sign-in is sent first
 */
public record Pages(String signIn, String signOut, String error, String verifyRequest, String newUser) {
  public static final Pages BUILT_IN = new Pages(null, null, null, null, null);
}
