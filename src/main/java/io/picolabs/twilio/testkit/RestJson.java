package io.picolabs.twilio.testkit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The fake's resources as Twilio's REST API shows them: member names, dates and errors. */
final class RestJson {
  static final String API_VERSION = "2010-04-01";

  // Twilio's own form ("Thu, 30 Jul 2015 20:12:31 +0000"): RFC 2822 with a two-digit day, which
  // RFC_1123_DATE_TIME reads back (the server's TwilioDate) but writes without the zero and as GMT
  private static final DateTimeFormatter RFC_2822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private RestJson() {}

  /** A date as Twilio writes it, or {@code null}. */
  static String date(Instant instant) {
    return instant == null ? null : RFC_2822.format(instant);
  }

  /**
   * A message resource. Twilio writes {@code num_segments} and {@code num_media} as strings ("1"),
   * and so does the fake: a client must read what Twilio sends.
   */
  static String message(SentText text) {
    return new JsonText()
        .string("sid", text.sid())
        .string("account_sid", text.accountSid())
        .string("to", text.to())
        .string("from", text.from())
        .string("messaging_service_sid", text.messagingServiceSid())
        .string("body", text.body())
        .string("status", text.status())
        .string("num_segments", Integer.toString(segments(text.body())))
        .string("num_media", Integer.toString(text.mediaUrls().size()))
        .string("direction", "outbound-api")
        .string("api_version", API_VERSION)
        .raw("price", "null")
        .string("price_unit", "USD")
        .raw("error_code", "null")
        .raw("error_message", "null")
        .string(
            "uri",
            "/"
                + API_VERSION
                + "/Accounts/"
                + text.accountSid()
                + "/Messages/"
                + text.sid()
                + ".json")
        .string("date_created", date(text.created()))
        .string("date_updated", date(text.updated()))
        .string("date_sent", date(text.sent()))
        .toString();
  }

  /**
   * The number of SMS segments of {@code body}: 160 characters each, at least one (a message of
   * media alone counts one). Twilio's real count depends on the encoding (GSM-7 or UCS-2); this
   * simple one is enough for a development fake.
   */
  static int segments(String body) {
    int length = body.codePointCount(0, body.length());
    return Math.max(1, (length + 159) / 160);
  }

  /** A call resource, with the members of Twilio's that the fake can know. */
  static String call(RingingCall call) {
    return new JsonText()
        .string("sid", call.sid())
        .string("account_sid", call.accountSid())
        .string("to", call.to())
        .string("from", call.from())
        .string("status", call.status())
        .string("direction", "outbound-api")
        .string("api_version", API_VERSION)
        .raw("parent_call_sid", "null")
        .raw("price", "null")
        .string("price_unit", "USD")
        .string(
            "uri",
            "/" + API_VERSION + "/Accounts/" + call.accountSid() + "/Calls/" + call.sid() + ".json")
        .string("date_created", date(call.created()))
        .string("date_updated", date(call.updated()))
        .toString();
  }

  /**
   * An IncomingPhoneNumber resource, with the members of Twilio's that the fake can know; {@code
   * accountSid} is the account that asked, since the fake's numbers belong to every account.
   */
  static String number(TwilioNumber number, String accountSid) {
    return new JsonText()
        .string("sid", number.sid())
        .string("account_sid", accountSid)
        .string("friendly_name", number.phoneNumber())
        .string("phone_number", number.phoneNumber())
        .string("api_version", API_VERSION)
        .string("voice_url", number.voiceUrl())
        .string("voice_method", number.voiceMethod())
        .string("voice_fallback_url", "")
        .string("voice_fallback_method", "POST")
        .raw("voice_application_sid", "null")
        .string("sms_url", number.smsUrl())
        .string("sms_method", number.smsMethod())
        .string("sms_fallback_url", "")
        .string("sms_fallback_method", "POST")
        .raw("sms_application_sid", "null")
        .string("status_callback", number.statusCallback())
        .string("status_callback_method", number.statusCallbackMethod())
        .string(
            "uri",
            "/"
                + API_VERSION
                + "/Accounts/"
                + accountSid
                + "/IncomingPhoneNumbers/"
                + number.sid()
                + ".json")
        .string("date_created", date(number.created()))
        .string("date_updated", date(number.updated()))
        .toString();
  }

  /**
   * The first page of a list, or a later one: {@code member} ("messages", "calls") holds {@code
   * items} (each already JSON). The URIs are relative to the API's root, as Twilio's are.
   */
  static String page(
      String member,
      List<String> items,
      int page,
      int pageSize,
      String uri,
      String firstPageUri,
      String nextPageUri,
      String previousPageUri) {
    return new JsonText()
        .raw(member, "[" + String.join(",", items) + "]")
        .number("page", page)
        .number("page_size", pageSize)
        .string("first_page_uri", firstPageUri)
        .string("next_page_uri", nextPageUri)
        .string("previous_page_uri", previousPageUri)
        .string("uri", uri)
        .toString();
  }

  /** Twilio's error answer: its code, message, documentation link and the HTTP status. */
  static String error(int status, int code, String message) {
    return new JsonText()
        .number("code", code)
        .string("message", message)
        .string("more_info", "https://www.twilio.com/docs/errors/" + code)
        .number("status", status)
        .toString();
  }
}
