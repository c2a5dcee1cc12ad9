/**
 * Builds classic pcap files (Ethernet/IPv4) holding whole conversations: TCP handshakes
 * followed by a TLS ClientHello with SNI, an HTTP request with a Host header or plain
 * data, and UDP datagrams. Each flow gets its own client port so verdicts map back to it.
 */

/** One conversation. Ingress flows start at the remote side: the "client" is outside, the server inside. */
export interface TestFlow {
  readonly id: number;
  readonly protocol: "tcp" | "udp";
  readonly clientIp: string;
  readonly clientPort: number;
  readonly serverIp: string;
  readonly serverPort: number;
  /**
   * What the client sends first: a TLS ClientHello for `sni`, an HTTP request for `host`, a
   * request written out in full (`request`, for hostile header and request-line forms), or
   * opaque bytes. Names and requests are written byte for byte (latin1), control bytes included.
   */
  readonly payload: { kind: "tls"; sni: string } | { kind: "http"; host: string } | { kind: "http-request"; request: string } | { kind: "data" };
}

const u16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const u24 = (n: number) => Buffer.from([(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);
const u32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(n >>> 0); return b; };
const ip = (a: string) => Buffer.from(a.split(".").map(Number));

function checksum(buf: Buffer): number {
  let sum = 0;
  for (let i = 0; i < buf.length; i += 2) sum += (buf[i] << 8) + (i + 1 < buf.length ? buf[i + 1] : 0);
  while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
  return ~sum & 0xffff;
}

function ipv4(src: string, dst: string, proto: number, payload: Buffer, id: number): Buffer {
  const h = Buffer.concat([Buffer.from([0x45, 0]), u16(20 + payload.length), u16(id & 0xffff), u16(0x4000), Buffer.from([64, proto]), u16(0), ip(src), ip(dst)]);
  h.writeUInt16BE(checksum(h), 10);
  return Buffer.concat([h, payload]);
}

function l4checksum(src: string, dst: string, proto: number, segment: Buffer): number {
  const pseudo = Buffer.concat([ip(src), ip(dst), Buffer.from([0, proto]), u16(segment.length)]);
  return checksum(Buffer.concat([pseudo, segment]));
}

function tcp(src: string, dst: string, sport: number, dport: number, seq: number, ack: number, flags: number, data: Buffer): Buffer {
  const seg = Buffer.concat([u16(sport), u16(dport), u32(seq), u32(ack), Buffer.from([0x50, flags]), u16(65535), u16(0), u16(0), data]);
  seg.writeUInt16BE(l4checksum(src, dst, 6, seg), 16);
  return seg;
}

function udp(src: string, dst: string, sport: number, dport: number, data: Buffer): Buffer {
  const seg = Buffer.concat([u16(sport), u16(dport), u16(8 + data.length), u16(0), data]);
  seg.writeUInt16BE(l4checksum(src, dst, 17, seg) || 0xffff, 6);
  return seg;
}

/** A minimal TLS 1.2/1.3 ClientHello carrying one server_name. */
export function clientHello(sni: string): Buffer {
  const name = Buffer.from(sni, "latin1");
  const serverName = Buffer.concat([u16(name.length + 3), Buffer.from([0]), u16(name.length), name]);
  const extensions = Buffer.concat([
    u16(0x0000), u16(serverName.length), serverName,
    u16(0x002b), u16(3), Buffer.from([2, 0x03, 0x04]), // supported_versions: TLS 1.3
  ]);
  const body = Buffer.concat([
    u16(0x0303), Buffer.alloc(32, 7), Buffer.from([0]),
    u16(4), u16(0x1301), u16(0xc02f), Buffer.from([1, 0]),
    u16(extensions.length), extensions,
  ]);
  const handshake = Buffer.concat([Buffer.from([1]), u24(body.length), body]);
  return Buffer.concat([Buffer.from([0x16, 0x03, 0x01]), u16(handshake.length), handshake]);
}

/** The plain GET a client sends for `host`. */
export function httpRequest(host: string, target = "/"): string {
  return `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: agora-egress-test\r\nAccept: */*\r\n\r\n`;
}

function firstPayload(flow: TestFlow): Buffer {
  switch (flow.payload.kind) {
    case "tls": return clientHello(flow.payload.sni);
    case "http": return Buffer.from(httpRequest(flow.payload.host), "latin1");
    case "http-request": return Buffer.from(flow.payload.request, "latin1");
    default: return Buffer.from(`agora-egress test flow ${flow.id}\n`, "ascii");
  }
}

/** The packets of one flow, as IPv4 datagrams. */
function flowPackets(flow: TestFlow): Buffer[] {
  const { clientIp: c, serverIp: s, clientPort: cp, serverPort: sp } = flow;
  const data = firstPayload(flow);
  if (flow.protocol === "udp") {
    return [ipv4(c, s, 17, udp(c, s, cp, sp, data), flow.id), ipv4(s, c, 17, udp(s, c, sp, cp, Buffer.from("ok")), flow.id + 1)];
  }
  const SYN = 0x02, ACK = 0x10, PSH = 0x08;
  const cs = 1000, ss = 5000;
  return [
    ipv4(c, s, 6, tcp(c, s, cp, sp, cs, 0, SYN, Buffer.alloc(0)), flow.id),
    ipv4(s, c, 6, tcp(s, c, sp, cp, ss, cs + 1, SYN | ACK, Buffer.alloc(0)), flow.id + 1),
    ipv4(c, s, 6, tcp(c, s, cp, sp, cs + 1, ss + 1, ACK, Buffer.alloc(0)), flow.id + 2),
    ipv4(c, s, 6, tcp(c, s, cp, sp, cs + 1, ss + 1, PSH | ACK, data), flow.id + 3),
    ipv4(s, c, 6, tcp(s, c, sp, cp, ss + 1, cs + 1 + data.length, ACK, Buffer.alloc(0)), flow.id + 4),
  ];
}

/** A pcap (linktype Ethernet) with the flows one after another, 1 ms apart. */
export function buildPcap(flows: readonly TestFlow[]): Buffer {
  const chunks: Buffer[] = [Buffer.from("d4c3b2a1020004000000000000000000ffff000001000000", "hex")];
  let t = 0;
  for (const flow of flows) {
    for (const packet of flowPackets(flow)) {
      const frame = Buffer.concat([Buffer.from("020000000002020000000001", "hex"), u16(0x0800), packet]);
      const hdr = Buffer.alloc(16);
      hdr.writeUInt32LE(1_700_000_000 + Math.floor(t / 1000), 0);
      hdr.writeUInt32LE((t % 1000) * 1000, 4);
      hdr.writeUInt32LE(frame.length, 8);
      hdr.writeUInt32LE(frame.length, 12);
      chunks.push(hdr, frame);
      t += 1;
    }
  }
  return Buffer.concat(chunks);
}
