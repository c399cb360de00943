import type { DataSource } from 'typeorm';
import type { Role } from '@dvc/contracts';
import { AccountsRepository, EmailTakenError } from '../accounts/accounts.repository';
import { PasswordHasher } from '../passwords/password-hasher';

/** Printed at `npm start`; development and test databases only. */
export const DEMO_PASSWORD = 'ChangeMe!2026';

export interface DemoAccount {
  email: string;
  roles: Role[];
  agencies: string[];
  password: string;
  /** False when it already existed (the seed is idempotent and never resets a password). */
  created: boolean;
}

interface DemoAccountSeed {
  email: string;
  fullName: string;
  roles: Role[];
  phone: string | null;
  /** The demo citizen has one, so the public lookup by ID number can be tried. */
  idNumber: string | null;
}

const DEMO_ACCOUNTS: DemoAccountSeed[] = [
  {
    email: 'citizen@dvc.local',
    fullName: 'Nguyễn Văn Dân',
    roles: ['citizen'],
    phone: '0912345678',
    idNumber: '001099012345',
  },
  {
    email: 'officer@dvc.local',
    fullName: 'Trần Thị Cán Bộ',
    roles: ['officer'],
    phone: null,
    idNumber: null,
  },
  {
    email: 'admin@dvc.local',
    fullName: 'Lê Quản Trị',
    roles: ['admin'],
    phone: null,
    idNumber: null,
  },
];

/** Creates the missing demo accounts (active) and the officer's agency memberships. */
export async function seedDemoAccounts(
  dataSource: DataSource,
  officerAgencies: string[],
): Promise<DemoAccount[]> {
  const accounts = new AccountsRepository(dataSource);
  const hasher = new PasswordHasher();
  const seeded: DemoAccount[] = [];
  for (const demo of DEMO_ACCOUNTS) {
    const agencies = demo.roles.includes('officer') ? officerAgencies : [];
    const existing = await accounts.findByEmail(demo.email);
    const passwordHash = existing ? '' : await hasher.hash(DEMO_PASSWORD);
    const created = await dataSource.transaction(async (manager) => {
      let id = existing?.id;
      let inserted = false;
      if (!id) {
        try {
          id = (
            await accounts.insert(manager, {
              email: demo.email,
              passwordHash,
              fullName: demo.fullName,
              phone: demo.phone,
              idNumber: demo.idNumber,
              locale: 'vi',
              status: 'active',
              roles: demo.roles,
            })
          ).id;
          inserted = true;
        } catch (err) {
          if (!(err instanceof EmailTakenError)) throw err;
        }
      }
      if (id) await accounts.addAgencies(manager, id, agencies);
      return inserted;
    });
    // A concurrent seeder won the insert: its transaction did the same work.
    seeded.push({
      email: demo.email,
      roles: demo.roles,
      agencies,
      password: DEMO_PASSWORD,
      created,
    });
  }
  return seeded;
}
