package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlEnumValue;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/** {@code <Stream>}: the call's audio over a WebSocket, inside Connect, Start or Stop. */
@XmlRootElement(name = "Stream")
public class Stream extends TwimlElement<Stream> {

  /** Which audio to stream. */
  public enum Track {
    @XmlEnumValue("inbound_track")
    INBOUND_TRACK,
    @XmlEnumValue("outbound_track")
    OUTBOUND_TRACK,
    @XmlEnumValue("both_tracks")
    BOTH_TRACKS
  }

  @XmlAttribute private String url;
  @XmlAttribute private String name;
  @XmlAttribute private String connectorName;
  @XmlAttribute private Track track;
  @XmlAttribute private String statusCallback;
  @XmlAttribute private HttpMethod statusCallbackMethod;

  @XmlElementRef(type = Parameter.class)
  private final List<Parameter> parameters = new ArrayList<>();

  public Stream() {}

  /** A {@code wss://} URL. */
  public Stream url(String url) {
    this.url = url;
    return this;
  }

  /** A name, by which {@code <Stop>} can end the stream. */
  public Stream name(String name) {
    this.name = name;
    return this;
  }

  /** The name of a configured Media Streams connector, instead of a URL. */
  public Stream connectorName(String connectorName) {
    this.connectorName = connectorName;
    return this;
  }

  public Stream track(Track track) {
    this.track = track;
    return this;
  }

  public Stream statusCallback(String url) {
    this.statusCallback = url;
    return this;
  }

  public Stream statusCallbackMethod(String method) {
    this.statusCallbackMethod = HttpMethod.of(method);
    return this;
  }

  /** A custom parameter sent in the stream's start message. */
  public Stream parameter(String name, String value) {
    parameters.add(new Parameter(name, value));
    return this;
  }
}
