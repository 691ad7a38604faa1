package dev.authjvm.providers.oauth.preset;

import dev.authjvm.core.user.User;
import dev.authjvm.providers.oauth.engine.EmailVerification;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import dev.authjvm.providers.oauth.engine.OidcUserinfo;
import dev.authjvm.providers.oauth.engine.Profiles;
import java.util.Map;

/**
 * Microsoft Entra ID (formerly Azure AD): {@code AUTH_MICROSOFT_ENTRA_ID_ID},
 * {@code AUTH_MICROSOFT_ENTRA_ID_SECRET} and {@code AUTH_MICROSOFT_ENTRA_ID_ISSUER}, the tenant's
 * issuer {@code https://login.microsoftonline.com/<tenant-id>/v2.0}. The issuer is required: the
 * multi-tenant {@code common} endpoint publishes a templated issuer that no ID token matches exactly,
 * and the ID-token issuer check is not loosened here.
 */
public final class MicrosoftEntraId {
  public static final String ID = "microsoft-entra-id";

  private MicrosoftEntraId() {}

  public static OAuthProviderBuilder builder(String issuer) {
    return OAuthProvider.builder().id(ID).name("Microsoft Entra ID").issuer(issuer)
        .scopes("openid", "profile", "email", "User.Read").profile(MicrosoftEntraId::profile)
        // Entra's email claim is whatever a tenant admin typed; only the optional xms_edov claim says the
        // domain owner verified it (configure it as an optional claim of the app registration).
        .emailVerification(EmailVerification.claim("xms_edov"))
        // xms_edov vouches for the ID token's email only, and Entra's UserInfo has nothing else the mapping
        // reads (its picture is a Graph API address), so UserInfo is never read.
        .userinfoForOidc(OidcUserinfo.NEVER);
  }

  static User profile(Map<String, Object> p) {
    // Not preferred_username as a fallback address: it is mutable and unverified, and an email here can
    // link accounts. Configure the optional email claim in Entra instead.
    return new User(Profiles.require(p, "sub"), Profiles.string(p, "name"), Profiles.string(p, "email"), null, null);
  }

  /** Enables this preset when its {@code AUTH_<ID>_ID} and {@code AUTH_<ID>_SECRET} are set. */
  public static final class Factory extends PresetFactory {
    public Factory() {
      super(ID, Issuer.REQUIRED);
    }

    @Override
    protected OAuthProviderBuilder preset(String issuer) {
      return builder(issuer);
    }
  }
}
