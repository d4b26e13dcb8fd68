// The README's supported-browser list follows from the WebAssembly features the build uses.
// This reads them from the shipped module so the list cannot silently go stale.
const { test, expect } = require('./fixtures');

const DOCUMENTED = ['bulk-memory', 'bulk-memory-opt', 'call-indirect-overlong', 'multivalue', 'mutable-globals',
  'nontrapping-fptoint', 'reference-types', 'sign-ext'];

function leb(bytes, i) {
  let result = 0; let shift = 0; let b;
  do { b = bytes[i++]; result |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
  return [result, i];
}

test('the module uses exactly the WebAssembly features the README lists', async ({ request }) => {
  const shell = await (await request.get('/shell.html')).text();
  const wasmPath = shell.match(/data-wasm=("?)([^"\s>]+)\1/)[2];
  const bytes = new Uint8Array(await (await request.get(wasmPath)).body());
  let features = null;
  for (let i = 8; i < bytes.length;) {
    const id = bytes[i++];
    let size; [size, i] = leb(bytes, i);
    const end = i + size;
    if (id === 0) {
      let n; let j; [n, j] = leb(bytes, i);
      const name = new TextDecoder().decode(bytes.slice(j, j + n));
      if (name === 'target_features') {
        j += n; let count; [count, j] = leb(bytes, j);
        features = [];
        for (let k = 0; k < count; k++) {
          const prefix = String.fromCharCode(bytes[j++]); let len; [len, j] = leb(bytes, j);
          features.push(prefix + new TextDecoder().decode(bytes.slice(j, j + len))); j += len;
        }
      }
    }
    i = end;
  }
  expect(features, 'the module records its target features').not.toBeNull();
  console.log(`wasm features: ${features.join(' ')}`);
  expect(features.filter((f) => f.startsWith('+')).map((f) => f.slice(1)).sort()).toEqual(DOCUMENTED);
});
