package io.picolabs.twilio.twiml;

import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.namespace.NamespaceContext;
import javax.xml.stream.XMLStreamWriter;

/**
 * The writer JAXB marshals into: compact XML in a {@link StringBuilder}, escaped so that what a
 * parser reads back is exactly what was written. Text escapes {@code & < >} and carriage returns;
 * attribute values also escape quotes, tabs and line ends, which attribute-value normalisation
 * would otherwise turn into spaces. TwiML uses no namespaces, so prefixes are written as given.
 */
final class TwimlStreamWriter implements XMLStreamWriter {
  private final StringBuilder out;
  private final Deque<String> open = new ArrayDeque<>();
  private boolean startTagOpen;

  TwimlStreamWriter(StringBuilder out) {
    this.out = out;
  }

  @Override
  public void writeStartElement(String localName) {
    closeStartTag();
    out.append('<').append(localName);
    open.push(localName);
    startTagOpen = true;
  }

  @Override
  public void writeStartElement(String namespaceUri, String localName) {
    writeStartElement(localName);
  }

  @Override
  public void writeStartElement(String prefix, String localName, String namespaceUri) {
    writeStartElement(prefix == null || prefix.isEmpty() ? localName : prefix + ":" + localName);
  }

  @Override
  public void writeEmptyElement(String localName) {
    writeStartElement(localName);
    writeEndElement();
  }

  @Override
  public void writeEmptyElement(String namespaceUri, String localName) {
    writeEmptyElement(localName);
  }

  @Override
  public void writeEmptyElement(String prefix, String localName, String namespaceUri) {
    writeStartElement(prefix, localName, namespaceUri);
    writeEndElement();
  }

  @Override
  public void writeEndElement() {
    String name = open.pop();
    if (startTagOpen) {
      out.append("/>");
      startTagOpen = false;
    } else {
      out.append("</").append(name).append('>');
    }
  }

  @Override
  public void writeAttribute(String localName, String value) {
    out.append(' ').append(localName).append("=\"");
    escape(value, true);
    out.append('"');
  }

  @Override
  public void writeAttribute(String prefix, String namespaceUri, String localName, String value) {
    writeAttribute(
        prefix == null || prefix.isEmpty() ? localName : prefix + ":" + localName, value);
  }

  @Override
  public void writeAttribute(String namespaceUri, String localName, String value) {
    writeAttribute(localName, value);
  }

  @Override
  public void writeNamespace(String prefix, String namespaceUri) {
    if (namespaceUri != null && !namespaceUri.isEmpty()) {
      writeAttribute(
          prefix == null || prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix, namespaceUri);
    }
  }

  @Override
  public void writeDefaultNamespace(String namespaceUri) {
    writeNamespace(null, namespaceUri);
  }

  @Override
  public void writeCharacters(String text) {
    closeStartTag();
    escape(text, false);
  }

  @Override
  public void writeCharacters(char[] text, int start, int length) {
    writeCharacters(new String(text, start, length));
  }

  @Override
  public void writeCData(String data) {
    writeCharacters(data);
  }

  @Override
  public void writeComment(String data) {
    // comments carry nothing Twilio reads
  }

  @Override
  public void writeProcessingInstruction(String target) {
    // nor do processing instructions
  }

  @Override
  public void writeProcessingInstruction(String target, String data) {
    // nor do processing instructions
  }

  @Override
  public void writeDTD(String dtd) {
    throw new UnsupportedOperationException("TwiML has no DTD");
  }

  @Override
  public void writeEntityRef(String name) {
    throw new UnsupportedOperationException("TwiML has no entities");
  }

  @Override
  public void writeStartDocument() {
    // the declaration is TwimlWriter's
  }

  @Override
  public void writeStartDocument(String version) {
    // the declaration is TwimlWriter's
  }

  @Override
  public void writeStartDocument(String encoding, String version) {
    // the declaration is TwimlWriter's
  }

  @Override
  public void writeEndDocument() {
    while (!open.isEmpty()) {
      writeEndElement();
    }
  }

  @Override
  public void close() {
    // nothing to release
  }

  @Override
  public void flush() {
    // nothing buffered
  }

  @Override
  public String getPrefix(String uri) {
    return null;
  }

  @Override
  public void setPrefix(String prefix, String uri) {
    // no namespaces in TwiML
  }

  @Override
  public void setDefaultNamespace(String uri) {
    // no namespaces in TwiML
  }

  @Override
  public void setNamespaceContext(NamespaceContext context) {
    // no namespaces in TwiML
  }

  @Override
  public NamespaceContext getNamespaceContext() {
    return null;
  }

  @Override
  public Object getProperty(String name) {
    throw new IllegalArgumentException("no property " + name);
  }

  private void closeStartTag() {
    if (startTagOpen) {
      out.append('>');
      startTagOpen = false;
    }
  }

  private void escape(String text, boolean attribute) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\r' -> out.append("&#13;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\n' -> out.append(attribute ? "&#10;" : "\n");
        case '\t' -> out.append(attribute ? "&#9;" : "\t");
        default -> out.append(c);
      }
    }
  }
}
