package dev.authjvm.client;

import java.time.Instant;

/**
 * A cookie in the client's own cookie store (never the JVM-wide {@link java.net.CookieHandler}).
 *
 * @param domain   the host it was set by, or the {@code Domain} it was set for
 * @param hostOnly true when it goes only to {@code domain} itself (no {@code Domain} attribute)
 * @param path     the path prefix it is sent for
 * @param expires  when it expires, or {@code null} for a cookie that lives as long as the client
 * @param secure   sent over https only
 * @param httpOnly set {@code HttpOnly} (no effect here: there is no script)
 */
public record ClientCookie(String name, String value, String domain, boolean hostOnly, String path,
                           Instant expires, boolean secure, boolean httpOnly) {}
