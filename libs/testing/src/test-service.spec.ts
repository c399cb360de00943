import { Injectable } from '@nestjs/common';
import { newTestService, provide } from './test-service';

abstract class Clock {
  abstract now(): Date;
}

@Injectable()
class Greetings {
  greet(name: string): string {
    return `Xin chào ${name}`;
  }
}

@Injectable()
class Settings {
  readonly greeting = 'Chào';
}

@Injectable()
class Reception {
  constructor(
    private readonly clock: Clock,
    private readonly greetings: Greetings,
    private readonly settings: Settings,
  ) {}

  welcome(name: string): string {
    return `${this.greetings.greet(name)} (${this.settings.greeting}, ${this.clock.now().toISOString()})`;
  }

  leave(): string {
    return this.greetings.greet('tạm biệt');
  }
}

interface Untyped {
  run(): void;
}

@Injectable()
class TakesAnInterface {
  constructor(readonly untyped: Untyped) {}
}

describe('newTestService', () => {
  it('fakes every constructor dependency, abstract classes too, found by their class', () => {
    const { sut, mocks } = newTestService(Reception, provide(Settings, new Settings()));
    mocks.get(Clock).now.mockReturnValue(new Date('2026-03-02T01:00:00Z'));
    mocks.get(Greetings).greet.mockImplementation((name) => `Chào ${name}`);
    expect(sut.welcome('An')).toBe('Chào An (Chào, 2026-03-02T01:00:00.000Z)');
    expect(mocks.get(Greetings).greet).toHaveBeenCalledWith('An');
  });

  it('fails the test when the service calls a fake the test gave no behaviour', () => {
    const { sut } = newTestService(Reception);
    expect(() => sut.leave()).toThrow(
      'Greetings.greet() was called, but this test gave it no behaviour',
    );
  });

  it('uses what provide() gives instead of a fake, and has no fake of it', () => {
    const { sut, mocks } = newTestService(Reception, provide(Greetings, new Greetings()));
    expect(sut.leave()).toBe('Xin chào tạm biệt');
    expect(() => mocks.get(Greetings)).toThrow('Reception takes no faked Greetings');
  });

  it('refuses a dependency it cannot see the class of, unless it is provided', () => {
    expect(() => newTestService(TakesAnInterface)).toThrow(/dependency #0 has no class to fake/);
    const untyped = { run: jest.fn() };
    expect(newTestService(TakesAnInterface, provide(Object, untyped)).sut.untyped).toBe(untyped);
  });

  it('lets a fake be awaited and printed without turning into a thenable', async () => {
    const { mocks } = newTestService(Reception);
    const clock = mocks.get(Clock);
    expect(await Promise.resolve(clock)).toBe(clock);
    expect(JSON.stringify({ clock })).toBe('{"clock":{}}');
  });
});
