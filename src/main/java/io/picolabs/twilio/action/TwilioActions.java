package io.picolabs.twilio.action;

import io.picolabs.twilio.rules.CallPlacement;
import io.picolabs.twilio.rules.SmsSend;
import io.picolabs.twilio.rules.Twilio;
import io.picolabs.twilio.twiml.Client;
import io.picolabs.twilio.twiml.Conference;
import io.picolabs.twilio.twiml.Connect;
import io.picolabs.twilio.twiml.ConversationRelay;
import io.picolabs.twilio.twiml.Dial;
import io.picolabs.twilio.twiml.Enqueue;
import io.picolabs.twilio.twiml.Gather;
import io.picolabs.twilio.twiml.Hangup;
import io.picolabs.twilio.twiml.Leave;
import io.picolabs.twilio.twiml.Message;
import io.picolabs.twilio.twiml.Number;
import io.picolabs.twilio.twiml.Pause;
import io.picolabs.twilio.twiml.Play;
import io.picolabs.twilio.twiml.Queue;
import io.picolabs.twilio.twiml.RawTwiml;
import io.picolabs.twilio.twiml.Record;
import io.picolabs.twilio.twiml.Redirect;
import io.picolabs.twilio.twiml.Reject;
import io.picolabs.twilio.twiml.Say;
import io.picolabs.twilio.twiml.Sip;
import io.picolabs.twilio.twiml.Sms;
import io.picolabs.twilio.twiml.Start;
import io.picolabs.twilio.twiml.Stop;
import io.picolabs.twilio.twiml.Stream;
import io.picolabs.twilio.twiml.Task;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Objects;

/**
 * The actions of one request's rules ({@link Twilio}): verbs go to the request's {@link
 * Directives}, sends to its {@link Outbox}, event-type targets through {@link ActionUrls}.
 */
@RequestScoped
public class TwilioActions implements Twilio {
  private Directives directives;
  private Outbox outbox;
  private ActionUrls urls;

  protected TwilioActions() {}

  @Inject
  public TwilioActions(Directives directives, Outbox outbox, ActionUrls urls) {
    this.directives = directives;
    this.outbox = outbox;
    this.urls = urls;
  }

  /** {@code <Say>text</Say>}. */
  public Say say(String text) {
    return add(new Say(required(text, "say")));
  }

  /** {@code <Play>url</Play>}. */
  public Play play(String url) {
    return add(new Play(required(url, "play")));
  }

  /** Opens a {@code <Gather>} that posts to the current document's URL. */
  public Gather gatherStart() {
    return directives.open(new Gather());
  }

  /** Opens a {@code <Gather>} whose input raises event type (or goes to URL) {@code target}. */
  public Gather gatherStart(String target) {
    return directives.open(new Gather().action(urls.resolve(required(target, "gatherStart"))));
  }

  /** Closes the {@code <Gather>} opened by {@link #gatherStart}. */
  public void gatherStop() {
    directives.close(Gather.class);
  }

  /** The scoped form: {@code body} runs inside the {@code <Gather>}, which is then closed. */
  public Gather gather(String target, Runnable body) {
    Gather gather = gatherStart(target);
    try {
      body.run();
    } finally {
      gatherStop();
    }
    return gather;
  }

  /** {@code <Record/>}, posting the recording to the current document's URL. */
  public Record record() {
    return add(new Record());
  }

  /**
   * {@code <Record action="…"/>}, the recording raising event type (or going to URL) {@code
   * target}.
   */
  public Record record(String target) {
    return add(new Record().action(urls.resolve(required(target, "record"))));
  }

  /** {@code <Sms>message</Sms>} (the legacy voice verb). */
  public Sms sms(String message) {
    return add(new Sms(required(message, "sms")));
  }

  /** {@code <Dial>number</Dial>}. */
  public Dial dial(String number) {
    return add(new Dial(required(number, "dial")));
  }

  /**
   * {@code <Dial><Conference>name</Conference></Dial>}; inside {@link #dialStart} it joins the open
   * {@code <Dial>} instead.
   */
  public Conference dialConference(String name) {
    return dialNoun(new Conference(required(name, "dialConference")));
  }

  /** {@code <Dial><Client>identity</Client></Dial>} (or a noun of the open {@code <Dial>}). */
  public Client dialClient(String identity) {
    return dialNoun(new Client(required(identity, "dialClient")));
  }

  /** {@code <Dial><Queue>name</Queue></Dial>}: the caller waiting longest in the queue. */
  public Queue dialQueue(String name) {
    return dialNoun(new Queue(required(name, "dialQueue")));
  }

  /** {@code <Dial><Sip>uri</Sip></Dial>}. */
  public Sip dialSip(String uri) {
    return dialNoun(new Sip(required(uri, "dialSip")));
  }

  /** A noun in the open {@code <Dial>}, or in a {@code <Dial>} of its own. */
  private <T> T dialNoun(T noun) {
    if (directives.innermost() instanceof Dial) {
      directives.add(noun);
    } else {
      add(new Dial()).children().add(noun);
    }
    return noun;
  }

  /** Opens a {@code <Dial>} for {@link #number} and {@link #dialConference} nouns. */
  public Dial dialStart() {
    return directives.open(new Dial());
  }

  /** {@code <Number>}, inside the {@code <Dial>} opened by {@link #dialStart}. */
  public Number number(String number) {
    if (!(directives.innermost() instanceof Dial)) {
      throw new IllegalStateException(
          "number(\"" + number + "\") must come between dialStart() and dialStop()");
    }
    return add(new Number(required(number, "number")));
  }

  /** Closes the {@code <Dial>} opened by {@link #dialStart}. */
  public void dialStop() {
    directives.close(Dial.class);
  }

  /** {@code <Hangup/>}. */
  public void hangup() {
    add(new Hangup());
  }

  /** {@code <Redirect>}: continue with event type (or URL) {@code target}. */
  public Redirect redirect(String target) {
    return add(new Redirect(urls.resolve(required(target, "redirect"))));
  }

  /** {@code <Reject/>}: refuse the call unanswered. */
  public Reject reject() {
    return add(new Reject());
  }

  /** {@code <Pause/>}: one second. */
  public Pause pause() {
    return add(new Pause());
  }

  /** {@code <Pause length="seconds"/>}. */
  public Pause pause(int seconds) {
    return add(new Pause().length(seconds));
  }

  /** {@code <Enqueue>name</Enqueue>}: the caller waits in queue {@code name}. */
  public Enqueue enqueue(String name) {
    return add(new Enqueue(required(name, "enqueue")));
  }

  /** {@code <Enqueue workflowSid><Task>json</Task></Enqueue>}: a TaskRouter task for the call. */
  public Enqueue enqueueTask(String workflowSid, Task task) {
    return add(Enqueue.task(required(workflowSid, "enqueueTask"), task));
  }

  /** {@code <Leave/>}: out of the queue, on to the next verb after {@code <Enqueue>}. */
  public void leave() {
    add(new Leave());
  }

  /** {@code <Connect><Stream url/></Connect>}: the call's audio both ways over a WebSocket. */
  public Stream connectStream(String url) {
    Stream stream = new Stream().url(urls.socket("stream", required(url, "connectStream")));
    add(new Connect(stream));
    return stream;
  }

  /** {@code <Connect action><ConversationRelay url/></Connect>}: a live conversation. */
  public ConversationRelay connectRelay(String relay, String then) {
    ConversationRelay session =
        new ConversationRelay(urls.socket("relay", required(relay, "connectRelay")));
    add(new Connect(session).action(urls.resolve(then)));
    return session;
  }

  /** {@code <Start><Stream url/></Start>}: a copy of the call's audio while the TwiML goes on. */
  public Stream startStream(String url) {
    Stream stream = new Stream().url(required(url, "startStream"));
    add(new Start(stream));
    return stream;
  }

  /** {@code <Stop><Stream name/></Stop>}: ends the stream started under {@code name}. */
  public Stream stopStream(String name) {
    Stream stream = new Stream().name(required(name, "stopStream"));
    add(new Stop(stream));
    return stream;
  }

  /**
   * {@code <Message>text</Message>}: messaging TwiML's reply to the sender (or to {@code .to(…)}),
   * with {@code .media(url)} for pictures.
   */
  public Message message(String text) {
    return add(new Message(required(text, "message")));
  }

  /**
   * KRL's {@code send_sms(to, from, message)}: sent through Twilio's REST API once the rule returns
   * (and only if it returns normally); the outcome is raised as {@code twilio sms_sent}, {@code
   * sms_failed} or {@code sms_unknown}. See {@link SmsSend} for the modifiers.
   */
  public SmsSend sendSms(String to, String from, String message) {
    return outbox.sendSms(to, from, message);
  }

  /**
   * KRL's {@code place_call(to, from, url)}: {@code target} is an event type of this server (the
   * answered call raises {@code twilio <target>} here) or the URL of the call's TwiML. Placed once
   * the rule returns; the outcome is raised as {@code twilio call_placed}, {@code call_failed} or
   * {@code call_unknown}.
   */
  public CallPlacement placeCall(String to, String from, String target) {
    return outbox.placeCall(to, from, required(target, "placeCall"));
  }

  /**
   * KRL's {@code raw-response}: TwiML written by hand, either verbs or a whole {@code <Response>}.
   * It must be well-formed XML; otherwise this throws {@link IllegalArgumentException}.
   */
  public void raw(String xml) {
    RawTwiml.parse(xml).forEach(directives::add);
  }

  private <T> T add(T verb) {
    directives.add(verb);
    return verb;
  }

  private static String required(String value, String action) {
    return Objects.requireNonNull(value, () -> action + "(…) was given null");
  }
}
