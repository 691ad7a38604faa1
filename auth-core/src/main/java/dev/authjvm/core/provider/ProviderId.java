package dev.authjvm.core.provider;

import dev.authjvm.core.error.ConfigurationException;
import java.util.regex.Pattern;

/**
 * The one rule for provider ids, which are URL path segments and cookie-bound names: lower-case ASCII
 * letters, digits, {@code -} and {@code _}, starting with a letter or digit, at most 64 characters.
 */
public final class ProviderId {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  private ProviderId() {}

  public static boolean isValid(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /**
   * @param source where the id comes from, for the message (e.g. {@code "OAuth provider"})
   * @return the id
   * @throws ConfigurationException naming the id and its source when it breaks the rule
   */
  public static String require(String id, String source) {
    if (!isValid(id)) {
      throw new ConfigurationException("provider id '" + id + "' of " + source
          + " must be 1 to 64 lower-case letters, digits, '-' or '_', starting with a letter or digit");
    }
    return id;
  }
}
