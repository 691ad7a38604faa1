package dev.authjvm.core.provider;

/**
 * A way to sign in. Implementations are immutable and thread-safe; they are registered explicitly
 * on the configuration builder or discovered through a {@link ProviderFactory}.
 */
public interface Provider {
  /** The URL segment of {@code /signin/:id} and {@code /callback/:id}: lower case, no slashes. */
  String id();

  /** What the sign-in page shows, e.g. {@code GitHub}. */
  String name();

  ProviderType type();
}
