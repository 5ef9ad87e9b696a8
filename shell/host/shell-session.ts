import { Emitter, type Event } from '../../src/common/event.js';
import { Permissions, type SessionService, type User } from '../../src/host/session.js';

/** The demo shop's staff: one of each kind, so permission checks can be tried by hand. */
export const SHELL_USERS: readonly User[] = [
  { id: 'anne', name: 'Anne (beheerder)', permissions: [Permissions.ecommerceImport, Permissions.advancedPayments] },
  { id: 'bram', name: 'Bram (verkoper)', permissions: [Permissions.ecommerceImport] },
  { id: 'chris', name: 'Chris (stagiair)', permissions: [] },
];

/** Who is at the till; {@link switchUser} signs someone else in. */
export class ShellSession implements SessionService {
  protected current: User;
  protected readonly onDidChangeUserEmitter = new Emitter<User>();
  readonly onDidChangeUser: Event<User> = this.onDidChangeUserEmitter.event;
  /** Live subscriptions, for the shell's snapshot of what plugins left behind. */
  get listenerCount(): number {
    return this.onDidChangeUserEmitter.listenerCount;
  }

  constructor(
    readonly users: readonly User[] = SHELL_USERS,
    userId?: string,
  ) {
    this.current = this.find(userId ?? users[0]!.id);
  }

  get user(): User {
    return this.current;
  }

  hasPermission(permission: string): boolean {
    return this.current.permissions.includes(permission);
  }

  switchUser(id: string): void {
    const user = this.find(id);
    if (user === this.current) return;
    this.current = user;
    this.onDidChangeUserEmitter.fire(user);
  }

  protected find(id: string): User {
    const user = this.users.find((u) => u.id === id);
    if (!user) throw new Error(`Unknown user "${id}"`);
    return user;
  }

  dispose(): void {
    this.onDidChangeUserEmitter.dispose();
  }
}
