// The offline phone's page: every act goes to the console's API, which runs the call on the server
// with the test kit's simulator and answers the whole call; the page only draws it.
"use strict";
(function () {
  const api = "console/api/";
  // the session's token, given with the page: the server acts only on requests that carry it
  const token = document.querySelector('meta[name="console-token"]').content;
  const $ = (id) => document.getElementById(id);
  let call = null;
  let keys = "";

  async function post(path, values) {
    const response = await fetch(api + path, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Console-Token": token,
      },
      body: new URLSearchParams(values || {}),
    });
    return answer(response);
  }

  async function get(path) {
    return answer(await fetch(api + path));
  }

  async function answer(response) {
    const text = await response.text();
    if (!response.ok) {
      throw new Error(text || response.status + " " + response.statusText);
    }
    return JSON.parse(text);
  }

  function showError(error) {
    $("status").textContent = "Error: " + error.message;
  }

  function line(list, cls, text) {
    const item = document.createElement("li");
    item.className = cls;
    item.textContent = text;
    list.appendChild(item);
    return item;
  }

  function drawCall(state) {
    call = state;
    const transcript = $("transcript");
    transcript.replaceChildren();
    for (const heard of state.heard) {
      const words = {
        say: heard.text,
        text: "🗨 " + heard.text,
        audio: heard.kind === "audio" // only audio's text is Base64
          ? "🔊 " + atob(heard.text).length + " bytes of audio from the stream" : "",
        mark: "⚑ mark " + heard.text,
        play: "♪ play " + heard.text,
        pause: "(pause " + heard.text + " s)",
        message: "✉ text: " + heard.text,
        dial: "☎ dialing " + heard.text,
        record: "● recording" + (heard.text ? " (" + heard.text + ")" : ""),
        enqueue: "⏳ in queue " + heard.text,
        other: "(" + heard.text + ")",
        error: "Error " + heard.text,
      }[heard.kind];
      line(transcript, heard.kind, words);
    }
    const steps = $("steps");
    steps.replaceChildren();
    state.steps.forEach((step, i) => {
      const pre = document.createElement("pre");
      pre.className = "step";
      pre.textContent =
        i + 1 + ". " + step.method + " " + step.url + " → " + step.status + "\n" + step.body;
      steps.appendChild(pre);
    });
    const listening = state.listening;
    $("listening").hidden = !listening;
    $("hangup").disabled = state.ended;
    $("call").disabled = !state.ended;
    if (state.ended) {
      $("status").textContent =
        "Call ended (" + state.endedBecause + ", " + state.status + ", " + state.seconds + " s)";
    } else {
      $("status").textContent = "In call " + state.sid + " (" + state.seconds + " s)";
      $("listening-what").textContent =
        listening.verb === "Gather" || listening.verb === "ConversationRelay"
          ? (listening.verb === "Gather" ? "Listening for " : "In a conversation: listening for ")
              + [listening.keys ? "keys" : "", listening.speech ? "speech" : ""]
              .filter(Boolean).join(" or ")
          : listening.verb === "Stream"
            ? "In a media stream: keys reach it"
            : "Waiting at " + listening.verb + " " + listening.target;
      $("keypad").hidden = !listening.keys;
      $("dial-outcomes").hidden = listening.verb !== "Dial";
      $("record-controls").hidden = listening.verb !== "Record";
      $("queue-controls").hidden = listening.verb !== "Enqueue";
    }
    keys = "";
    $("keys").textContent = "";
    refreshVars();
  }

  async function act(name, values) {
    if (!call) return;
    try {
      drawCall(await post("calls/" + encodeURIComponent(call.sid) + "/" + name, values));
    } catch (error) {
      showError(error);
    }
  }

  $("call").addEventListener("click", async () => {
    $("status").textContent = "Calling…";
    try {
      drawCall(await post("calls", { from: $("from").value, event: $("event").value }));
    } catch (error) {
      showError(error);
    }
  });
  $("hangup").addEventListener("click", () => act("hangup"));
  $("silence").addEventListener("click", () => act("silence"));
  $("speak").addEventListener("click", async () => {
    // in a relay session the answer streams: its tokens so far show while the act waits for it
    const sid = call && call.sid;
    let polling = true;
    const shown = $("replying");
    (async () => {
      while (polling && sid) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        try {
          const now = (await get("calls/" + encodeURIComponent(sid) + "/replying")).replying;
          if (polling) {
            shown.textContent = now ? "🗨 " + now + " …" : "";
            shown.hidden = !now;
          }
        } catch (error) {
          return; // the call is gone: the act's answer says why
        }
      }
    })();
    await act("speak", { speech: $("speech").value });
    polling = false;
    shown.hidden = true;
  });
  $("send-keys").addEventListener("click", () =>
    keys ? act("press", { digits: keys }) : act("silence"));
  $("record").addEventListener("click", () =>
    act("record", { seconds: $("record-seconds").value, finishKey: "#" }));
  $("bridge").addEventListener("click", () => act("bridge", { seconds: 30 }));
  for (const button of document.querySelectorAll("[data-outcome]")) {
    button.addEventListener("click", () =>
      act("dial", { outcome: button.dataset.outcome, seconds: $("dial-seconds").value }));
  }
  for (const button of document.querySelectorAll("[data-digit]")) {
    button.addEventListener("click", () => {
      if (!call || !call.listening || !call.listening.keys) return;
      const digit = button.dataset.digit;
      keys += digit;
      $("keys").textContent = keys;
      const attributes = call.listening.attributes;
      const finish = attributes.finishOnKey === undefined ? "#" : attributes.finishOnKey;
      const enough = attributes.numDigits && keys.length >= Number(attributes.numDigits);
      const live = call.listening.verb !== "Gather"; // a session or a stream gets each key at once
      if (live || enough || (finish && digit === finish)) {
        act("press", { digits: keys });
      }
    });
  }

  // ---- texts ----
  async function refreshThread() {
    try {
      const thread = await get("texts?number=" + encodeURIComponent($("from").value));
      const list = $("sms-thread");
      list.replaceChildren();
      for (const text of thread.texts) {
        const item = line(list, text.direction, (text.direction === "to-server" ? "→ " : "← ") + text.body);
        if (text.status) {
          const status = document.createElement("span");
          status.className = "status";
          status.textContent = text.via + ", " + text.status;
          item.appendChild(status);
        }
      }
      const list2 = $("incoming");
      list2.replaceChildren();
      for (const ringing of thread.ringing) {
        const button = document.createElement("button");
        button.className = "answer";
        button.textContent = "Answer the call from " + ringing.from;
        button.addEventListener("click", async () => {
          try {
            drawCall(await post("incoming/" + encodeURIComponent(ringing.sid) + "/answer"));
          } catch (error) {
            showError(error);
          }
        });
        list2.appendChild(button);
      }
    } catch (error) {
      showError(error);
    }
  }

  async function refreshVars() {
    try {
      const vars = await get("vars?number=" + encodeURIComponent($("from").value));
      $("vars").textContent = JSON.stringify(vars, null, 2);
    } catch (error) {
      $("vars").textContent = error.message;
    }
  }

  $("sms-send").addEventListener("click", async () => {
    try {
      await post("texts", {
        from: $("from").value,
        event: $("sms-event").value,
        body: $("sms-text").value,
      });
      $("sms-text").value = "";
      await refreshThread();
      await refreshVars();
    } catch (error) {
      showError(error);
    }
  });
  $("from").addEventListener("change", () => {
    refreshThread();
    refreshVars();
  });
  refreshThread();
  refreshVars();
  setInterval(refreshThread, 1000);
})();
