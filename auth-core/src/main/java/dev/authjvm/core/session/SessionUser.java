package dev.authjvm.core.session;

/** The user as a session shows it to the browser: no id unless a callback adds one. */
public record SessionUser(String name, String email, String image) {}
