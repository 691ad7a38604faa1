package dev.authjvm.core.config;

/**
 * Looks of the built-in pages.
 *
 * @param colorScheme {@code auto}, {@code light} or {@code dark}
 * @param brandColor  a CSS colour for buttons and links, or {@code null}
 * @param logo        an image URL shown above the card, or {@code null}
 */
public record Theme(String colorScheme, String brandColor, String logo) {
  public static final Theme DEFAULT = new Theme("auto", null, null);
}
