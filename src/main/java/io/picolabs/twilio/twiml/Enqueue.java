package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlMixed;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;

/**
 * {@code <Enqueue>}: puts the caller in a named queue, or, with a workflow, hands a TaskRouter
 * {@code <Task>} to it.
 */
@XmlRootElement(name = "Enqueue")
public class Enqueue extends TwimlElement<Enqueue> {
  @XmlAttribute private String action;
  @XmlAttribute private HttpMethod method;
  @XmlAttribute private String waitUrl;
  @XmlAttribute private HttpMethod waitUrlMethod;
  @XmlAttribute private Integer maxQueueSize;
  @XmlAttribute private String workflowSid;

  @XmlMixed
  @XmlElementRef(type = Task.class)
  private final List<Object> content = new MixedContent();

  Enqueue() {}

  /** Into the queue called {@code name}. */
  public Enqueue(String name) {
    content.add(name);
  }

  /** Into the TaskRouter workflow {@code workflowSid}, as a task with these JSON attributes. */
  public static Enqueue task(String workflowSid, Task task) {
    Enqueue enqueue = new Enqueue();
    enqueue.workflowSid = workflowSid;
    enqueue.content.add(task);
    return enqueue;
  }

  /** Where Twilio goes when the caller leaves the queue. */
  public Enqueue action(String url) {
    this.action = url;
    return this;
  }

  public Enqueue method(String method) {
    this.method = HttpMethod.of(method);
    return this;
  }

  /** TwiML played while the caller waits. */
  public Enqueue waitUrl(String url) {
    this.waitUrl = url;
    return this;
  }

  public Enqueue waitUrlMethod(String method) {
    this.waitUrlMethod = HttpMethod.of(method);
    return this;
  }

  public Enqueue maxQueueSize(int size) {
    this.maxQueueSize = size;
    return this;
  }

  public Enqueue workflowSid(String sid) {
    this.workflowSid = sid;
    return this;
  }
}
