package io.picolabs.twilio.rules;

import io.picolabs.twilio.twiml.Client;
import io.picolabs.twilio.twiml.Conference;
import io.picolabs.twilio.twiml.ConversationRelay;
import io.picolabs.twilio.twiml.Dial;
import io.picolabs.twilio.twiml.Enqueue;
import io.picolabs.twilio.twiml.Gather;
import io.picolabs.twilio.twiml.Message;
import io.picolabs.twilio.twiml.Number;
import io.picolabs.twilio.twiml.Pause;
import io.picolabs.twilio.twiml.Play;
import io.picolabs.twilio.twiml.Queue;
import io.picolabs.twilio.twiml.Record;
import io.picolabs.twilio.twiml.Redirect;
import io.picolabs.twilio.twiml.Reject;
import io.picolabs.twilio.twiml.Say;
import io.picolabs.twilio.twiml.Sip;
import io.picolabs.twilio.twiml.Sms;
import io.picolabs.twilio.twiml.Stream;
import io.picolabs.twilio.twiml.Task;

/**
 * The actions of the KRL {@code twilio} module, for rules.
 *
 * <p>Inject it into a rule (as an observer parameter or a field) and call the actions; each returns
 * the element it added, whose methods are KRL's {@code with} modifiers:
 *
 * <pre>{@code
 * twilio.say("Hello Monkey").voice("woman");
 * twilio.gatherStart("monkey_handle").numDigits(1);
 * twilio.say("What is your favorite number?");
 * twilio.gatherStop();
 * }</pre>
 *
 * <p>Where an action takes a target ({@code gatherStart}, {@code record}, {@code redirect}), an
 * event type name such as {@code "monkey_handle"} makes Twilio's next request raise {@code twilio
 * monkey_handle} here (a path under the application's, which Twilio resolves against the URL it
 * just requested); anything that is not an event type (a path, a full URL) is a URL.
 */
public interface Twilio {
  /** {@code <Say>text</Say>}. */
  Say say(String text);

  /** {@code <Play>url</Play>}. */
  Play play(String url);

  /** Opens a {@code <Gather>} that posts to the current document's URL. */
  Gather gatherStart();

  /** Opens a {@code <Gather>} whose input raises event type (or goes to URL) {@code target}. */
  Gather gatherStart(String target);

  /** Closes the {@code <Gather>} opened by {@link #gatherStart}. */
  void gatherStop();

  /** The scoped form: {@code body} runs inside the {@code <Gather>}, which is then closed. */
  Gather gather(String target, Runnable body);

  /** {@code <Record/>}, posting the recording to the current document's URL. */
  Record record();

  /**
   * {@code <Record action="…"/>}, the recording raising event type (or going to URL) {@code
   * target}.
   */
  Record record(String target);

  /** {@code <Sms>message</Sms>} (the legacy voice verb). */
  Sms sms(String message);

  /** {@code <Dial>number</Dial>}. */
  Dial dial(String number);

  /**
   * {@code <Dial><Conference>name</Conference></Dial>}; inside {@link #dialStart} it joins the open
   * {@code <Dial>} instead.
   */
  Conference dialConference(String name);

  /** {@code <Dial><Client>identity</Client></Dial>} (or a noun of the open {@code <Dial>}). */
  Client dialClient(String identity);

  /** {@code <Dial><Queue>name</Queue></Dial>}: the caller waiting longest in the queue. */
  Queue dialQueue(String name);

  /** {@code <Dial><Sip>uri</Sip></Dial>}. */
  Sip dialSip(String uri);

  /** Opens a {@code <Dial>} for {@link #number} and {@link #dialConference} nouns. */
  Dial dialStart();

  /** {@code <Number>}, inside the {@code <Dial>} opened by {@link #dialStart}. */
  Number number(String number);

  /** Closes the {@code <Dial>} opened by {@link #dialStart}. */
  void dialStop();

  /** {@code <Hangup/>}. */
  void hangup();

  /** {@code <Redirect>}: continue with event type (or URL) {@code target}. */
  Redirect redirect(String target);

  /** {@code <Reject/>}: refuse the call unanswered. */
  Reject reject();

  /** {@code <Pause/>}: one second. */
  Pause pause();

  /** {@code <Pause length="seconds"/>}. */
  Pause pause(int seconds);

  /** {@code <Enqueue>name</Enqueue>}: the caller waits in queue {@code name}. */
  Enqueue enqueue(String name);

  /** {@code <Enqueue workflowSid><Task>json</Task></Enqueue>}: a TaskRouter task for the call. */
  Enqueue enqueueTask(String workflowSid, Task task);

  /** {@code <Leave/>}: out of the queue, on to the next verb after {@code <Enqueue>}. */
  void leave();

  /**
   * {@code <Connect><Stream url/></Connect>}: the call's audio both ways over a WebSocket: {@code
   * stream} names a Media Stream of this server ({@code wss://…/twilio/stream/stream}, whose
   * messages raise {@code twilio stream_start} and the like) or is a {@code wss://} URL.
   */
  Stream connectStream(String stream);

  /**
   * {@code <Connect action><ConversationRelay url/></Connect>}: a live conversation, Twilio turning
   * speech into text and text into speech. {@code relay} names a relay session of this server
   * ({@code wss://…/twilio/relay/relay}, whose messages raise {@code twilio relay_prompt} and the
   * like) or is a {@code wss://} URL; when the session ends the call goes on at event type (or URL)
   * {@code then}, none if null.
   */
  ConversationRelay connectRelay(String relay, String then);

  /** {@code <Start><Stream url/></Start>}: a copy of the call's audio while the TwiML goes on. */
  Stream startStream(String url);

  /** {@code <Stop><Stream name/></Stop>}: ends the stream started under {@code name}. */
  Stream stopStream(String name);

  /**
   * {@code <Message>text</Message>}: messaging TwiML's reply to the sender (or to {@code .to(…)}),
   * with {@code .media(url)} for pictures.
   */
  Message message(String text);

  /**
   * KRL's {@code send_sms(to, from, message)}: sent through Twilio's REST API once the rule returns
   * (and only if it returns normally); the outcome is raised as {@code twilio sms_sent}, {@code
   * sms_failed} or {@code sms_unknown}. See {@link SmsSend} for the modifiers.
   */
  SmsSend sendSms(String to, String from, String message);

  /**
   * KRL's {@code place_call(to, from, url)}: {@code target} is an event type of this server (the
   * answered call raises {@code twilio <target>} here) or the URL of the call's TwiML. Placed once
   * the rule returns; the outcome is raised as {@code twilio call_placed}, {@code call_failed} or
   * {@code call_unknown}.
   */
  CallPlacement placeCall(String to, String from, String target);

  /**
   * KRL's {@code raw-response}: TwiML written by hand, either verbs or a whole {@code <Response>}.
   * It must be well-formed XML; otherwise this throws {@link IllegalArgumentException}.
   */
  void raw(String xml);
}
