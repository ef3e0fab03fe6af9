package io.picolabs.twilio.numbers;

import io.picolabs.twilio.rest.NumberWebhooks;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What a number's webhooks were before this server wired it, so that unwiring can put them back.
 * One row per number, written by the first wiring and kept by the next ones (which would otherwise
 * remember this server's own URLs), removed by unwiring.
 */
@Entity
@Table(name = "TWILIO_NUMBER_WIRING")
@NamedQuery(
    name = PreviousWiring.FORGET,
    query = "DELETE FROM PreviousWiring w WHERE w.number = :number")
public class PreviousWiring {
  static final String FORGET = "PreviousWiring.forget";

  // Twilio's URLs may be long (a query string, credentials in the URL): well above what is usual
  private static final int URL_LENGTH = 2000;

  /** The number, E.164. */
  @Id
  @Column(name = "PHONE_NUMBER", length = 32)
  String number;

  /** Twilio's SID of the number when it was wired ({@code PN…}). */
  @Column(name = "PN_SID", length = 64, nullable = false)
  String sid;

  @Column(name = "VOICE_URL", length = URL_LENGTH)
  String voiceUrl;

  @Column(name = "VOICE_METHOD", length = 10)
  String voiceMethod;

  @Column(name = "SMS_URL", length = URL_LENGTH)
  String smsUrl;

  @Column(name = "SMS_METHOD", length = 10)
  String smsMethod;

  @Column(name = "STATUS_CALLBACK", length = URL_LENGTH)
  String statusCallback;

  @Column(name = "STATUS_CALLBACK_METHOD", length = 10)
  String statusCallbackMethod;

  /** When this server first wired the number, epoch milliseconds. */
  @Column(name = "WIRED_MS", nullable = false)
  long wiredMillis;

  protected PreviousWiring() {}

  PreviousWiring(String number, String sid, NumberWebhooks previous, long wiredMillis) {
    this.number = number;
    this.sid = sid;
    this.voiceUrl = previous.voiceUrl();
    this.voiceMethod = previous.voiceMethod();
    this.smsUrl = previous.smsUrl();
    this.smsMethod = previous.smsMethod();
    this.statusCallback = previous.statusCallback();
    this.statusCallbackMethod = previous.statusCallbackMethod();
    this.wiredMillis = wiredMillis;
  }

  /** What is remembered, as a value that outlives the entity manager. */
  NumberState.Remembered remembered() {
    return new NumberState.Remembered(
        sid,
        new NumberWebhooks(
            voiceUrl, voiceMethod, smsUrl, smsMethod, statusCallback, statusCallbackMethod),
        Instant.ofEpochMilli(wiredMillis));
  }
}
