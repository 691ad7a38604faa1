package dev.authjvm.core.session;

/** Why a session was revoked, as the {@code revokeSession} event tells it. */
public enum RevocationCause {
  /** The signed-in user revoked it, through {@code POST /sessions/revoke}. */
  USER,
  /** The application revoked it, through {@link SessionManagement}. */
  APPLICATION,
  /** The identity provider ended it, through back-channel logout. */
  IDENTITY_PROVIDER
}
