/**
 * The address a profile keeps (nơi cư trú), as plain data: the portal imports this file, the
 * profile DTO and the VNeID claim mapping use it too.
 */

/** Longest address of a profile: the shortest address field of an online form takes it whole. */
export const ADDRESS_MAX_LENGTH = 255;

/** One line, as forms print it: runs of spaces and line breaks become one space. */
export function oneLineAddress(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
