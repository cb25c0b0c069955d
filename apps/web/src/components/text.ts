/** Lower-case, without Vietnamese diacritics: "Hà Nội" and "ha noi" compare equal. */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}
