// The portal owns sign-in and token refresh. The console calls getToken
// before its requests, and again with { forceRefresh: true } after a 401.
// Here the "portal session" is a demo persona token from the local stand-in.
import "/embed.js";

let token = null;
window.getTokenCalls = [];

async function fetchToken() {
  const res = await fetch("/dev/personas");
  const body = await res.json();
  return body.personas.find((p) => p.id === "admin").token;
}

const element = document.getElementById("console");
element.getToken = async ({ forceRefresh }) => {
  window.getTokenCalls.push({ forceRefresh });
  if (forceRefresh || !token) token = await fetchToken();
  return token;
};
