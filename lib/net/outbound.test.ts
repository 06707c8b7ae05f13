import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { OutboundError, outboundRequest } from "./outbound";
import { LOOPBACK_SPELLINGS } from "./testing";

/** A server that counts the connections it accepts (a refused request must not open one). */
function countingServer(host: string, handler: http.RequestListener = (_req, res) => res.end("reached")) {
  const server = http.createServer(handler);
  const state = { server, connections: 0, port: 0 };
  server.on("connection", () => (state.connections += 1));
  return {
    state,
    listen: (port = 0) =>
      new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          state.port = (server.address() as AddressInfo).port;
          resolve();
        });
      }),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const loopback4 = countingServer("127.0.0.1");
const loopback6 = countingServer("::1");
let port = 0;

beforeAll(async () => {
  await loopback4.listen();
  port = loopback4.state.port;
  await loopback6.listen(port).catch(() => {}); // a host without IPv6 loopback still runs the rest
});
afterAll(async () => {
  await Promise.all([loopback4.close(), loopback6.close()]);
});
afterEach(() => {
  delete process.env.CRUCIBLE_OUTBOUND_ALLOW_PRIVATE;
  delete process.env.CRUCIBLE_DATA_LINK_ALLOW_PRIVATE;
});

const refusal = { name: "OutboundError", kind: "refused_address" };

describe("the outbound guard", () => {
  it("sees the numeric IPv4 spellings as 127.0.0.1 after the URL parser", () => {
    for (const spelling of ["2130706433", "0177.0.0.1", "0x7f000001", "127.1"]) expect(new URL(`http://${spelling}/`).hostname, spelling).toBe("127.0.0.1");
    expect(new URL("http://0/").hostname).toBe("0.0.0.0");
    expect(new URL("http://[::ffff:127.0.0.1]/").hostname).toBe("[::ffff:7f00:1]");
  });

  it("refuses loopback in every spelling without opening a connection", async () => {
    for (const spelling of LOOPBACK_SPELLINGS) {
      await expect(outboundRequest(`http://${spelling}:${port}/`), spelling).rejects.toMatchObject(refusal);
    }
    expect(loopback4.state.connections + loopback6.state.connections).toBe(0);
  });

  it("refuses private, link-local, metadata and multicast targets, and a name with any non-public address", async () => {
    for (const host of ["10.0.0.1", "192.168.1.1", "172.16.0.1", "100.64.0.1", "169.254.169.254", "[fd00:ec2::254]", "[fe80::1]", "[fc00::1]", "224.0.0.1", "255.255.255.255"]) {
      await expect(outboundRequest(`http://${host}/`), host).rejects.toMatchObject(refusal);
    }
    const mixed = async () => ["93.184.216.34", "10.0.0.1"];
    await expect(outboundRequest("http://mixed.example/", { resolve: mixed })).rejects.toMatchObject(refusal);
  });

  it("reaches local targets with the setting on (and its older name), but never the metadata service", async () => {
    process.env.CRUCIBLE_OUTBOUND_ALLOW_PRIVATE = "1";
    const answer = await outboundRequest(`http://localhost:${port}/`, { maxResponseBytes: 100 });
    expect([answer.status, answer.body.toString()]).toEqual([200, "reached"]);
    await expect(outboundRequest("http://169.254.169.254/latest/meta-data")).rejects.toMatchObject(refusal);
    delete process.env.CRUCIBLE_OUTBOUND_ALLOW_PRIVATE;
    process.env.CRUCIBLE_DATA_LINK_ALLOW_PRIVATE = "1";
    expect((await outboundRequest(`http://127.0.0.1:${port}/`)).status).toBe(200);
  });

  it("connects to the address it checked: a second resolution (DNS rebinding) is never made", async () => {
    // "rebind.test" first resolves to the allowed 127.0.0.2, then to 127.0.0.1, where a victim listens
    // on the same port. Only 127.0.0.2 passes this test's policy.
    const allowed = countingServer("127.0.0.2", (_req, res) => res.end("allowed"));
    await allowed.listen();
    const victim = countingServer("127.0.0.1");
    await victim.listen(allowed.state.port);
    let resolutions = 0;
    const rebinding = async () => (resolutions++ === 0 ? ["127.0.0.2"] : ["127.0.0.1"]);
    try {
      const answer = await outboundRequest(`http://rebind.test:${allowed.state.port}/`, {
        resolve: rebinding,
        allowAddress: (address) => address === "127.0.0.2",
        maxResponseBytes: 100,
      });
      expect(answer.body.toString()).toBe("allowed");
      expect(resolutions).toBe(1);
      expect(victim.state.connections).toBe(0);
    } finally {
      await Promise.all([allowed.close(), victim.close()]);
    }
  });

  it("checks every redirect hop: a redirect from an allowed target to a private one is refused", async () => {
    const allowed = countingServer("127.0.0.2", (req, res) => {
      const to = req.url === "/to-name" ? `http://localhost:${port}/` : req.url === "/to-file" ? "file:///etc/passwd" : `http://127.0.0.1:${port}/`;
      res.writeHead(302, { location: to }).end();
    });
    await allowed.listen();
    const options = { allowAddress: (address: string) => address === "127.0.0.2", maxRedirects: 3, maxResponseBytes: 100 };
    const before = loopback4.state.connections + loopback6.state.connections;
    try {
      for (const path of ["/to-ip", "/to-name"]) {
        await expect(outboundRequest(`http://127.0.0.2:${allowed.state.port}${path}`, options), path).rejects.toMatchObject(refusal);
      }
      await expect(outboundRequest(`http://127.0.0.2:${allowed.state.port}/to-file`, options)).rejects.toMatchObject({ kind: "refused_scheme" });
      expect(allowed.state.connections).toBeGreaterThan(0);
      expect(loopback4.state.connections + loopback6.state.connections).toBe(before);
      // Without maxRedirects the 3xx is the answer, and nothing else is contacted.
      const answer = await outboundRequest(`http://127.0.0.2:${allowed.state.port}/to-ip`, { allowAddress: options.allowAddress });
      expect([answer.status, answer.headers.location]).toEqual([302, `http://127.0.0.1:${port}/`]);
    } finally {
      await allowed.close();
    }
  });

  it("bounds redirects and the size of the answer", async () => {
    process.env.CRUCIBLE_OUTBOUND_ALLOW_PRIVATE = "1";
    const server = countingServer("127.0.0.1", (req, res) => {
      if (req.url === "/loop") res.writeHead(302, { location: "/loop" }).end();
      else if (req.url === "/streamed") res.write("x".repeat(3000), () => res.end("x".repeat(2000)));
      else res.end("x".repeat(5000));
    });
    await server.listen();
    const base = `http://127.0.0.1:${server.state.port}`;
    try {
      await expect(outboundRequest(`${base}/loop`, { maxRedirects: 3 })).rejects.toMatchObject({ kind: "too_many_redirects" });
      await expect(outboundRequest(`${base}/big`, { maxResponseBytes: 1000 })).rejects.toBeInstanceOf(OutboundError);
      await expect(outboundRequest(`${base}/streamed`, { maxResponseBytes: 4000 })).rejects.toMatchObject({ kind: "too_large" });
      expect((await outboundRequest(`${base}/big`, { maxResponseBytes: 5000 })).body.length).toBe(5000);
    } finally {
      await server.close();
    }
  });
});
