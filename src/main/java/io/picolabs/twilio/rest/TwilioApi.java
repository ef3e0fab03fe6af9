package io.picolabs.twilio.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;

/**
 * The two resources of Twilio's 2010-04-01 API that rules use, as a type-safe REST client: create a
 * message or a call, and list the recent ones (to find out, after an answer was lost, whether
 * Twilio accepted a create).
 */
@Path("/2010-04-01/Accounts/{AccountSid}")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.APPLICATION_JSON)
public interface TwilioApi {

  @POST
  @Path("/Messages.json")
  SentMessage createMessage(@PathParam("AccountSid") String accountSid, Form message);

  @POST
  @Path("/Calls.json")
  PlacedCall createCall(@PathParam("AccountSid") String accountSid, Form call);

  /** The first page of messages, newest first; a {@code null} filter is left out of the query. */
  @GET
  @Path("/Messages.json")
  MessagePage listMessages(
      @PathParam("AccountSid") String accountSid,
      @QueryParam("To") String to,
      @QueryParam("From") String from,
      @QueryParam("PageSize") int pageSize);

  /** The first page of calls, newest first; a {@code null} filter is left out of the query. */
  @GET
  @Path("/Calls.json")
  CallPage listCalls(
      @PathParam("AccountSid") String accountSid,
      @QueryParam("To") String to,
      @QueryParam("From") String from,
      @QueryParam("PageSize") int pageSize);
}
