package dev.authjvm.core.provider;

/**
 * A way to sign in, of one of the kinds the protocol knows. Each kind is an interface you can
 * implement yourself; the core dispatches on the kind, never on a class of its own:
 *
 * <ul>
 *   <li>{@link CredentialsProvider}: a form your code checks (a password, an LDAP bind, a one-time code);</li>
 *   <li>{@link RedirectFlowProvider}: the browser leaves for an identity provider and comes back (OAuth, OIDC);</li>
 *   <li>{@link EmailLinkProvider}: a link with a single-use token is delivered to an address;</li>
 *   <li>{@link WebAuthnProvider}: a passkey (WebAuthn credential) registers or signs in.</li>
 * </ul>
 *
 * Implementations are immutable and thread-safe; they are registered on the configuration builder or
 * found through a {@link dev.authjvm.core.spi.ProviderFactory}.
 */
public sealed interface Provider permits CredentialsProvider, RedirectFlowProvider, EmailLinkProvider,
    WebAuthnProvider {
  /** The URL segment of {@code /signin/:id} and {@code /callback/:id}: see {@link ProviderId}. */
  String id();

  /** What the sign-in page shows, e.g. {@code GitHub}. */
  String name();

  /** The {@code type} that {@code GET /providers} reports. */
  ProviderType type();

  /**
   * Calls the case of this provider's kind. Each kind interface answers it, so the core handles every
   * kind without knowing any class, and a new kind is a compile error wherever a case is missing.
   */
  <R> R match(Cases<R> cases);

  /** One function per provider kind, for {@link #match}. */
  interface Cases<R> {
    R credentials(CredentialsProvider provider);

    R redirectFlow(RedirectFlowProvider provider);

    R emailLink(EmailLinkProvider provider);

    R webAuthn(WebAuthnProvider provider);
  }
}
