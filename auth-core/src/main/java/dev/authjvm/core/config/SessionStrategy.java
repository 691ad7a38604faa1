package dev.authjvm.core.config;

/** Where sessions live: in an encrypted cookie, or in a store with a random token in the cookie. */
public enum SessionStrategy {
  JWT, DATABASE
}
