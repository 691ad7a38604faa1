package dev.authjvm.core.store;

import dev.authjvm.core.user.User;

/** A stored session together with its user, read in one go. */
public record SessionAndUser(StoredSession session, User user) {}
