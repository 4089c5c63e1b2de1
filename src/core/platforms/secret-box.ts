import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto";
import { ErrorCode, ThiduaError } from "../errors.js";

// AES-256-GCM: the tag refuses a value sealed with another key or altered at rest. The key is
// stretched with scrypt once per process, so a passphrase works as well as random bytes.
const salt = "thidua:adapter-state:v1";

/** Seals and opens short secrets (platform tokens) with a key derived from THIDUA_SECRET_KEY. */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

/** A box for one secret key; `open` throws a coded error when the key does not fit. */
export function createSecretBox(secretKey: string): SecretBox {
  const key = scryptSync(secretKey, salt, 32);
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [
        "v1",
        iv.toString("base64"),
        cipher.getAuthTag().toString("base64"),
        body.toString("base64"),
      ].join(".");
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split(".");
      try {
        if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("not a sealed value");
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
        decipher.setAuthTag(Buffer.from(tag, "base64"));
        return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString(
          "utf8",
        );
      } catch (cause) {
        throw new ThiduaError(ErrorCode.ConfigInvalid, "THIDUA_SECRET_KEY does not open the stored secrets", {
          messageKey: "errors.secret_key_mismatch",
          params: { variable: "THIDUA_SECRET_KEY" },
          cause,
        });
      }
    },
  };
}
