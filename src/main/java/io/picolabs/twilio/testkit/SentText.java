package io.picolabs.twilio.testkit;

import java.time.Instant;
import java.util.List;

/**
 * A message the fake Twilio accepted and delivered to the simulated phone, as it stood when this
 * snapshot was taken: the fake replaces it with a new one as its {@code status} moves on ({@code
 * queued}, {@code sent}, {@code delivered}).
 *
 * @param sid Twilio's identifier, {@code SM} and 32 hex digits
 * @param accountSid the account that sent it (the Basic user of the request)
 * @param from the {@code From} number, or {@code null} when only a {@code MessagingServiceSid} was
 *     given
 * @param to the {@code To} number
 * @param messagingServiceSid the {@code MessagingServiceSid}, or {@code null}
 * @param body the text, empty for a message of media only
 * @param mediaUrls every {@code MediaUrl}, in order
 * @param statusCallback the {@code StatusCallback} URL, or {@code null}
 * @param status the delivery status now
 * @param created when the fake accepted it
 * @param updated when its status last changed
 * @param sent when it became {@code sent}, or {@code null} while still {@code queued}
 */
public record SentText(
    String sid,
    String accountSid,
    String from,
    String to,
    String messagingServiceSid,
    String body,
    List<String> mediaUrls,
    String statusCallback,
    String status,
    Instant created,
    Instant updated,
    Instant sent) {

  /** Copies the media URLs, so that a snapshot cannot change under its reader. */
  public SentText {
    mediaUrls = List.copyOf(mediaUrls);
  }

  /** This message with {@code status} from {@code at} on ({@code sent} is kept once set). */
  public SentText withStatus(String status, Instant at) {
    Instant sentAt = sent == null && !"queued".equals(status) ? at : sent;
    return new SentText(
        sid,
        accountSid,
        from,
        to,
        messagingServiceSid,
        body,
        mediaUrls,
        statusCallback,
        status,
        created,
        at,
        sentAt);
  }

  /** One line for failure messages and consoles: SID, numbers, body, media count and status. */
  @Override
  public String toString() {
    return sid
        + " "
        + (from != null ? from : messagingServiceSid)
        + " -> "
        + to
        + " "
        + JsonText.quote(body)
        + (mediaUrls.isEmpty() ? "" : " +" + mediaUrls.size() + " media")
        + " ["
        + status
        + "]";
  }
}
