import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";

/**
 * A software WebAuthn authenticator for tests: one ES256 (P-256) credential, "none" attestation, and authenticator
 * data built byte by byte (WebAuthn L3 §6.1), so tests control the flags (UP, UV, BE/BS) and the signature counter.
 */
export class SoftAuthenticator {
  readonly credentialId = randomBytes(16);
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  private userHandle: string | undefined;
  counter = 0;

  constructor(
    readonly origin = "http://localhost:3000",
    private readonly synced = false,
  ) {
    ({ privateKey: this.privateKey, publicKey: this.publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" }));
  }

  get id() {
    return this.credentialId.toString("base64url");
  }

  /** navigator.credentials.create(); `uv: false` leaves the user-verified flag off. */
  register(options: PublicKeyCredentialCreationOptionsJSON, { uv = true, origin = this.origin } = {}): RegistrationResponseJSON {
    this.userHandle = options.user.id;
    const clientDataJSON = clientData("webauthn.create", options.challenge, origin);
    const attested = Buffer.concat([Buffer.alloc(16), u16(this.credentialId.length), this.credentialId, this.coseKey()]);
    const authData = this.authData(options.rp.id!, { uv, attested });
    const attestationObject = cbor(new Map<string, Cbor>([["fmt", "none"], ["attStmt", new Map()], ["authData", authData]]));
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key",
      response: { clientDataJSON: b64(clientDataJSON), attestationObject: b64(attestationObject), transports: ["internal"] },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    };
  }

  /** navigator.credentials.get(); the counter grows by one unless `counter` says otherwise. */
  assert(options: PublicKeyCredentialRequestOptionsJSON, { uv = true, counter = this.counter + 1, origin = this.origin } = {}): AuthenticationResponseJSON {
    this.counter = counter;
    const clientDataJSON = clientData("webauthn.get", options.challenge, origin);
    const authData = this.authData(options.rpId!, { uv });
    const signature = sign("sha256", Buffer.concat([authData, sha256(clientDataJSON)]), this.privateKey);
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key",
      response: { clientDataJSON: b64(clientDataJSON), authenticatorData: b64(authData), signature: b64(signature), userHandle: this.userHandle },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    };
  }

  private authData(rpId: string, { uv, attested }: { uv: boolean; attested?: Buffer }) {
    // UP 0x01 · UV 0x04 · BE 0x08 (backup eligible) · BS 0x10 (backed up) · AT 0x40 (attested credential data)
    const flags = 0x01 | (uv ? 0x04 : 0) | (this.synced ? 0x18 : 0) | (attested ? 0x40 : 0);
    const count = Buffer.alloc(4);
    count.writeUInt32BE(this.counter);
    return Buffer.concat([sha256(Buffer.from(rpId)), Buffer.from([flags]), count, attested ?? Buffer.alloc(0)]);
  }

  /** The public key as a COSE_Key (RFC 9053): kty EC2, alg ES256, crv P-256, x, y. */
  private coseKey() {
    const jwk = this.publicKey.export({ format: "jwk" });
    return cbor(
      new Map<number, Cbor>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x!, "base64url")],
        [-3, Buffer.from(jwk.y!, "base64url")],
      ]),
    );
  }
}

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest();
const b64 = (data: Buffer) => data.toString("base64url");
const u16 = (n: number) => Buffer.from([n >> 8, n & 0xff]);
const clientData = (type: string, challenge: string, origin: string) => Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));

// The CBOR (RFC 8949) an authenticator emits here: integers, byte and text strings, and maps.
type Cbor = number | string | Buffer | Map<string | number, Cbor>;

function cbor(value: Cbor): Buffer {
  if (typeof value === "number") return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === "string") return Buffer.concat([head(3, Buffer.byteLength(value)), Buffer.from(value)]);
  if (Buffer.isBuffer(value)) return Buffer.concat([head(2, value.length), value]);
  return Buffer.concat([head(5, value.size), ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)])]);
}

function head(major: number, n: number) {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 0x100) return Buffer.from([(major << 5) | 24, n]);
  return Buffer.from([(major << 5) | 25, n >> 8, n & 0xff]);
}
