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
 * The resources of Twilio's 2010-04-01 API that the server uses, as a type-safe REST client: create
 * a message or a call, and list the recent ones (to find out, after an answer was lost, whether
 * Twilio accepted a create); find one of the account's numbers and set where it sends calls and
 * messages.
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

  /**
   * The account's numbers matching {@code phoneNumber}, which Twilio takes as a pattern (a part of
   * a number matches, {@code *} is any digit): the caller picks the exact one.
   */
  @GET
  @Path("/IncomingPhoneNumbers.json")
  IncomingNumberPage listIncomingNumbers(
      @PathParam("AccountSid") String accountSid,
      @QueryParam("PhoneNumber") String phoneNumber,
      @QueryParam("PageSize") int pageSize);

  /** Updates number {@code sid} with {@code update}'s members; Twilio answers the whole number. */
  @POST
  @Path("/IncomingPhoneNumbers/{Sid}.json")
  IncomingNumber updateIncomingNumber(
      @PathParam("AccountSid") String accountSid, @PathParam("Sid") String sid, Form update);
}
