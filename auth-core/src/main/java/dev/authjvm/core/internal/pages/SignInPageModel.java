package dev.authjvm.core.internal.pages;

import dev.authjvm.core.provider.Provider;
import java.util.List;

/**
 * What the sign-in page shows.
 *
 * @param error a code from {@code ?error=}, shown as a banner, or {@code null}
 * @param email a prefill for email forms from {@code ?email=}, or {@code null}
 */
public record SignInPageModel(List<Provider> providers, String csrfToken, String callbackUrl, String error,
                              String email, String baseUrl) {}
