import 'reflect-metadata';

/** A class (abstract ones too) whose instances a service takes in its constructor. */
export type Dependency<T = unknown> = abstract new (...args: never[]) => T;

/** A real or hand-made instance to use for one dependency instead of its auto-made fake. */
export interface Provided<T = unknown> {
  readonly type: Dependency<T>;
  readonly instance: T;
}

export function provide<T>(type: Dependency<T>, instance: T): Provided<T> {
  return { type, instance };
}

/** The fakes of one service under test, found by the class of the dependency. */
export interface TestMocks {
  get<T>(type: Dependency<T>): jest.Mocked<T>;
}

// Properties a fake must not answer with a function: awaiting it, printing it or comparing it.
const NOT_METHODS = new Set(['then', 'toJSON', 'asymmetricMatch', 'nodeType', 'constructor']);

/**
 * A fake of one dependency: every method is a jest mock, made when first read, that fails the
 * test when called without a behaviour given (`mockResolvedValue`, `mockImplementation`…), so
 * a test states everything the service may touch. Plain fields can be set on it.
 */
function fakeOf(name: string): object {
  const methods = new Map<string, jest.Mock>();
  return new Proxy({} as Record<string | symbol, unknown>, {
    get(target, prop) {
      if (prop in target || typeof prop === 'symbol' || NOT_METHODS.has(prop)) {
        return target[prop];
      }
      let method = methods.get(prop);
      if (!method) {
        method = jest.fn(() => {
          throw new Error(`${name}.${prop}() was called, but this test gave it no behaviour`);
        });
        methods.set(prop, method);
      }
      return method;
    },
  });
}

/**
 * One line to a service with fakes for every constructor dependency, read from the
 * `design:paramtypes` metadata Nest injects by:
 *
 *     const { sut, mocks } = newTestService(DossiersService);
 *     mocks.get(ProcedureDirectory).procedure.mockResolvedValue(procedure());
 *
 * `provide(Type, instance)` puts a real collaborator or a config in place of a fake; a
 * dependency typed by an interface (metadata `Object`) has no fake and is `provide(Object, …)`d.
 */
export function newTestService<T>(
  Service: new (...args: never[]) => T,
  ...provided: Provided[]
): { sut: T; mocks: TestMocks } {
  const types = (Reflect.getMetadata('design:paramtypes', Service) ?? []) as Dependency[];
  const fakes = new Map<Dependency, unknown>();
  const args = types.map((type, index) => {
    const given = provided.find((p) => p.type === type);
    if (given) return given.instance;
    if (!type || type === Object) {
      throw new Error(
        `${Service.name}: dependency #${index} has no class to fake (an interface or a type-only import); provide(Object, …) it`,
      );
    }
    if (!fakes.has(type)) fakes.set(type, fakeOf(type.name));
    return fakes.get(type);
  });
  const sut = new Service(...(args as never[]));
  return {
    sut,
    mocks: {
      get<D>(type: Dependency<D>): jest.Mocked<D> {
        if (!fakes.has(type)) {
          throw new Error(`${Service.name} takes no faked ${type.name}`);
        }
        return fakes.get(type) as jest.Mocked<D>;
      },
    },
  };
}
