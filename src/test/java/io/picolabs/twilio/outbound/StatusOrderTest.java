package io.picolabs.twilio.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatusOrderTest {

  @Test
  void messageStatusesMoveTowardsDeliveryAndRead() {
    String[] order = {"accepted", "scheduled", "queued", "sending", "sent", "delivered", "read"};
    for (int i = 1; i < order.length; i++) {
      assertTrue(
          StatusOrder.rank("sms", order[i - 1]) < StatusOrder.rank("sms", order[i]), order[i]);
    }
    assertEquals(StatusOrder.rank("sms", "delivered"), StatusOrder.rank("sms", "undelivered"));
    assertEquals(StatusOrder.rank("sms", "delivered"), StatusOrder.rank("sms", "failed"));
  }

  @Test
  void callStatusesEndInOneFinalRank() {
    String[] order = {"queued", "initiated", "ringing", "in-progress", "completed"};
    for (int i = 1; i < order.length; i++) {
      assertTrue(
          StatusOrder.rank("call", order[i - 1]) < StatusOrder.rank("call", order[i]), order[i]);
    }
    for (String end : new String[] {"busy", "failed", "no-answer", "canceled"}) {
      assertEquals(StatusOrder.rank("call", "completed"), StatusOrder.rank("call", end), end);
    }
  }

  @Test
  void anUnknownStatusRanksNowhere() {
    assertEquals(StatusOrder.UNRANKED, StatusOrder.rank("sms", "teleported"));
    assertEquals(StatusOrder.UNRANKED, StatusOrder.rank("call", "sent"));
  }
}
