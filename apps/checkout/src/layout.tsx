export function Layout({ children }: { children: React.ReactNode }): React.ReactNode {
  return <div className="app">{children}</div>;
}
