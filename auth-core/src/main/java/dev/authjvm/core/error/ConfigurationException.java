package dev.authjvm.core.error;

/** A configuration that cannot work, found at start-up. The message names the setting to fix. */
public class ConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(message);
  }
}
