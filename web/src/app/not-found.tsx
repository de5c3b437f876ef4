import Link from 'next/link';

/** No product, team, domain or concept under this address. */
export default function NotFound() {
  return (
    <div className="panel">
      <h1>Not found</h1>
      <p>Nothing in the mesh is registered under this address. It may have been renamed or never registered.</p>
      <p>
        <Link href="/">Search the mesh</Link>
      </p>
    </div>
  );
}
