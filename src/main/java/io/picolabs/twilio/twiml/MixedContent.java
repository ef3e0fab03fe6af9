package io.picolabs.twilio.twiml;

import java.util.ArrayList;
import java.util.Collection;

/**
 * The children of an element that mixes text and elements. Text passes through {@link XmlSafeText}
 * however it is added, so that even code that fills {@code children()} directly cannot make a
 * document Twilio fails to parse.
 */
final class MixedContent extends ArrayList<Object> {
  private static final long serialVersionUID = 1L;

  private static Object clean(Object child) {
    return child instanceof String text ? XmlSafeText.clean(text) : child;
  }

  @Override
  public boolean add(Object child) {
    return super.add(clean(child));
  }

  @Override
  public void add(int index, Object child) {
    super.add(index, clean(child));
  }

  @Override
  public Object set(int index, Object child) {
    return super.set(index, clean(child));
  }

  @Override
  public boolean addAll(Collection<?> children) {
    children.forEach(this::add);
    return !children.isEmpty();
  }

  @Override
  public boolean addAll(int index, Collection<?> children) {
    int at = index;
    for (Object child : children) {
      add(at++, child);
    }
    return !children.isEmpty();
  }
}
