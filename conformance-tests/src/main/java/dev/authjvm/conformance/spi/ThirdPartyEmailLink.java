package dev.authjvm.conformance.spi;

import dev.authjvm.core.provider.EmailLinkProvider;
import dev.authjvm.core.provider.VerificationRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An emailed-link provider written against the SPI alone: its "mail" is an in-memory mailbox. */
public final class ThirdPartyEmailLink implements EmailLinkProvider {
  public static final String ID = "mailbox";
  private final Map<String, String> lastLinkByAddress = new ConcurrentHashMap<>();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return "Mailbox";
  }

  @Override
  public void sendVerificationRequest(VerificationRequest request) {
    lastLinkByAddress.put(request.identifier(), request.url());
  }

  /** The link last sent to an address, or {@code null}. */
  public String lastLinkTo(String address) {
    return lastLinkByAddress.get(address);
  }
}
