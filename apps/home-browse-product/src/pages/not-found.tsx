export default function Page(): React.ReactNode {
  return <main><h1>not-found</h1></main>;
}
