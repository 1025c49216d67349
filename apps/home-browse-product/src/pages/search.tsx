export default function Page(): React.ReactNode {
  return <main><h1>search</h1></main>;
}
