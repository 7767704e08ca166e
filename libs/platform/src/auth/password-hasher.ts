import { Injectable } from '@nestjs/common';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

// The package declares Algorithm as a const enum, which only tsc inlines: under
// SWC (tests) the runtime object is empty, so the value is spelled out.
const ARGON2ID = 2 as Algorithm;

/**
 * argon2id with the OWASP baseline (19 MiB, 2 passes, 1 lane): memory-hard, so
 * a stolen table is expensive to crack on GPUs. The parameters travel inside
 * each hash, so raising them later keeps old hashes verifiable.
 */
@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return hash(password, { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  }

  verify(passwordHash: string, password: string): Promise<boolean> {
    return verify(passwordHash, password);
  }
}
