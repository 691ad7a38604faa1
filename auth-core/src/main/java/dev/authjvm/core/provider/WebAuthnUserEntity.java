package dev.authjvm.core.provider;

/**
 * The user a new passkey is made for ({@code PublicKeyCredentialUserEntity}).
 *
 * @param id          a random handle (64 hex characters), never stored: the stored authenticator names the user
 * @param name        what the authenticator lists the passkey under: the user's email address
 * @param displayName the user's name, or the address when there is none
 */
public record WebAuthnUserEntity(String id, String name, String displayName) {}
