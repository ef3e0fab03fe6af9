package io.picolabs.twilio.twiml;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;

/** {@code <Task>}: the TaskRouter task (JSON attributes) an {@code <Enqueue>} creates. */
@XmlRootElement(name = "Task")
public class Task extends TwimlElement<Task> {
  @XmlAttribute private Integer priority;
  @XmlAttribute private Integer timeout;
  @XmlValue private String attributes;

  Task() {}

  public Task(String jsonAttributes) {
    this.attributes = jsonAttributes;
  }

  public Task priority(int priority) {
    this.priority = priority;
    return this;
  }

  public Task timeout(int seconds) {
    this.timeout = seconds;
    return this;
  }
}
