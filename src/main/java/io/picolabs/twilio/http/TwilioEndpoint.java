package io.picolabs.twilio.http;

import jakarta.interceptor.InterceptorBinding;
import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks this library's own resources, so that what it adds to a JAX-RS application applies to them
 * and to nothing else of a host application: as a JAX-RS name binding it selects the filters (the
 * body limit), as a CDI interceptor binding the answer to unexpected errors ({@link
 * InternalErrors}).
 */
@NameBinding
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TwilioEndpoint {}
